import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CrmLink, DetailedStatus, DialogDirection, GeneralStatus, JournalStatus } from '@switchboard/dialogs';
import type { DialogMetricsState, OpenedDialogSummary } from '../dialog-metrics';
import { bigintAsNumber } from '../shared/column-transformers';

/**
 * A row of the dialog list, for queries; only the projection writes it. Times are Date,
 * durations milliseconds. The `search` vector is left unmapped: filter with
 * `search @@ websearch_to_tsquery('simple', :text)` in a query builder.
 */
@Entity({ schema: 'read_models', name: 'dialog_list' })
export class DialogListEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) number!: number;
  @Column({ name: 'line_id', type: 'text' }) lineId!: string;
  @Column({ type: 'text' }) direction!: DialogDirection;
  @Column({ type: 'text' }) channel!: string;
  @Column({ name: 'general_status', type: 'text' }) generalStatus!: GeneralStatus;
  @Column({ name: 'detailed_status', type: 'text' }) detailedStatus!: DetailedStatus;
  @Column({ name: 'journal_status', type: 'text' }) journalStatus!: JournalStatus;
  @Column({ name: 'is_spam', type: 'boolean' }) isSpam!: boolean;
  @Column({ name: 'client_id', type: 'text' }) clientId!: string;
  @Column({ name: 'client_name', type: 'text', nullable: true }) clientName!: string | null;
  @Column({ name: 'assignee_id', type: 'text', nullable: true }) assigneeId!: string | null;
  @Column({ type: 'text', array: true }) participants!: string[];
  @Column({ type: 'text', array: true }) tags!: string[];
  @Column({ name: 'crm_link', type: 'jsonb', nullable: true }) crmLink!: CrmLink | null;
  @Column({ name: 'page_url', type: 'text', nullable: true }) pageUrl!: string | null;
  @Column({ name: 'form_filled', type: 'boolean' }) formFilled!: boolean;
  @Column({ name: 'history_requested', type: 'boolean' }) historyRequested!: boolean;
  @Column({ name: 'pinned_to', type: 'text', nullable: true }) pinnedTo!: string | null;
  @Column({ name: 'client_rating', type: 'smallint', nullable: true }) clientRating!: number | null;
  @Column({ name: 'client_comment', type: 'text', nullable: true }) clientComment!: string | null;
  @Column({ name: 'review_score', type: 'smallint', nullable: true }) reviewScore!: number | null;
  @Column({ name: 'review_comment', type: 'text', nullable: true }) reviewComment!: string | null;
  @Column({ name: 'reviewer_id', type: 'text', nullable: true }) reviewerId!: string | null;
  @Column({ name: 'previous_dialog_id', type: 'text', nullable: true }) previousDialogId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: true }) createdAt!: Date | null;
  @Column({ name: 'queued_at', type: 'timestamptz', nullable: true }) queuedAt!: Date | null;
  @Column({ name: 'first_operator_reply_at', type: 'timestamptz', nullable: true }) firstOperatorReplyAt!: Date | null;
  @Column({ name: 'work_started_at', type: 'timestamptz', nullable: true }) workStartedAt!: Date | null;
  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true }) lastMessageAt!: Date | null;
  @Column({ name: 'closed_by_operator_at', type: 'timestamptz', nullable: true }) closedByOperatorAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'last_changed_at', type: 'timestamptz', nullable: true }) lastChangedAt!: Date | null;
  // Start of the response interval still open: the client has waited for an answer since then.
  @Column({ name: 'waiting_since', type: 'timestamptz', nullable: true }) waitingSince!: Date | null;

  @Column({ name: 'wait_for_first_reply_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  waitForFirstReplyMs!: number | null;
  @Column({ name: 'time_to_start_of_work_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  timeToStartOfWorkMs!: number | null;
  @Column({ name: 'time_to_close_by_operator_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  timeToCloseByOperatorMs!: number | null;
  @Column({ name: 'duration_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  durationMs!: number | null;
  @Column({ name: 'first_message_response_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  firstMessageResponseMs!: number | null;
  @Column({ name: 'bot_time_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  botTimeMs!: number | null;
  @Column({ name: 'total_response_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  totalResponseMs!: number | null;
  @Column({ name: 'average_response_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  averageResponseMs!: number | null;
  @Column({ name: 'max_response_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  maxResponseMs!: number | null;
  @Column({ name: 'response_count', type: 'integer' }) responseCount!: number;

  // The projection's own state; queries rarely want it, so it is only read when asked for.
  @Column({ type: 'jsonb', select: false }) summary!: OpenedDialogSummary;
  @Column({ type: 'jsonb', select: false }) metrics!: DialogMetricsState;
  // Log position (as text: positions may pass 2^53) of the last event folded in, for minPosition waits.
  @Column({ name: 'last_position', type: 'bigint' }) lastPosition!: string;
  // Assignments that replaced another operator, and reopens (see AssignmentCreditState).
  @Column({ name: 'reassignment_count', type: 'integer' }) reassignmentCount!: number;
  @Column({ name: 'reopen_count', type: 'integer' }) reopenCount!: number;

  // Business-hours values: open time under the line's hours (see README, Business hours).
  @Column({ name: 'wait_for_first_reply_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  waitForFirstReplyBusinessMs!: number | null;
  @Column({ name: 'time_to_start_of_work_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  timeToStartOfWorkBusinessMs!: number | null;
  @Column({ name: 'time_to_close_by_operator_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  timeToCloseByOperatorBusinessMs!: number | null;
  @Column({ name: 'duration_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  durationBusinessMs!: number | null;
  @Column({ name: 'first_message_response_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  firstMessageResponseBusinessMs!: number | null;
  @Column({ name: 'bot_time_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  botTimeBusinessMs!: number | null;
  @Column({ name: 'total_response_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  totalResponseBusinessMs!: number | null;
  @Column({ name: 'average_response_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  averageResponseBusinessMs!: number | null;
  @Column({ name: 'max_response_business_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  maxResponseBusinessMs!: number | null;
}
