import type { ReadDatabase } from '../shared/read-database';
import { keysetTableExport, type TableRow } from './keyset-table.export';
import type { TableExport } from './table-export';

/**
 * The dialog list, every column of the main screen, without the projection's internals (folded
 * states, search vector, last position). Ordered by dialog number: unique, never changed, given
 * in log order of the openings, so a dialog that changes during an export keeps its place.
 */
export const dialogListExport = (db: ReadDatabase): TableExport<TableRow> =>
  keysetTableExport(db, {
    name: 'dialogs',
    table: 'read_models.dialog_list',
    select: [
      'number', 'dialog_id', 'line_id', 'direction', 'channel', 'general_status', 'detailed_status', 'journal_status',
      'is_spam', 'client_id', 'client_name', 'assignee_id', 'participants', 'tags', 'crm_link', 'page_url', 'form_filled',
      'history_requested', 'pinned_to', 'client_rating', 'client_comment', 'review_score', 'review_comment', 'reviewer_id',
      'previous_dialog_id', 'created_at', 'queued_at', 'first_operator_reply_at', 'work_started_at', 'last_message_at',
      'closed_by_operator_at', 'closed_at', 'last_changed_at', 'waiting_since', 'wait_for_first_reply_ms',
      'time_to_start_of_work_ms', 'time_to_close_by_operator_ms', 'duration_ms', 'first_message_response_ms', 'bot_time_ms',
      'total_response_ms', 'average_response_ms', 'max_response_ms', 'response_count',
    ],
    timeColumns: ['created_at', 'last_changed_at', 'closed_at'],
    orderBy: [{ column: 'number', type: 'bigint' }],
    identity: [{ column: 'number', type: 'bigint' }],
  });
