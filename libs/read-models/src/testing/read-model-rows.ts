import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DialogListRow } from '../dialog-list/dialog-list.row';

/**
 * Rows written straight into the read-model tables, so a query is tested against exactly the
 * rows it is given. Each builder fills what the test does not care about; a dialog row takes the
 * projection's own column types (search_text: words of the search vector).
 */
export type DialogRowInput = Partial<
  Pick<
    DialogListRow,
    | 'dialog_id'
    | 'number'
    | 'line_id'
    | 'direction'
    | 'channel'
    | 'general_status'
    | 'detailed_status'
    | 'journal_status'
    | 'is_spam'
    | 'client_id'
    | 'client_name'
    | 'assignee_id'
    | 'participants'
    | 'tags'
    | 'crm_link'
    | 'page_url'
    | 'pinned_to'
    | 'client_rating'
    | 'review_score'
    | 'created_at'
    | 'first_operator_reply_at'
    | 'last_message_at'
    | 'closed_at'
    | 'last_changed_at'
    | 'wait_for_first_reply_ms'
    | 'total_response_ms'
    | 'response_count'
    | 'last_position'
    | 'reassignment_count'
    | 'reopen_count'
    | 'search_text'
    | 'wait_for_first_reply_business_ms'
  >
>;

let nextNumber = 1;

export async function insertDialog(pool: Pool, input: DialogRowInput = {}): Promise<string> {
  const row = {
    dialog_id: randomUUID(),
    number: nextNumber++,
    line_id: 'support',
    direction: 'inbound',
    channel: 'telegram',
    general_status: 'client_waiting',
    detailed_status: 'new',
    journal_status: 'unassigned',
    is_spam: false,
    client_id: 'client-1',
    client_name: 'Kim',
    assignee_id: null,
    participants: [],
    tags: [],
    crm_link: null,
    page_url: null,
    pinned_to: null,
    client_rating: null,
    review_score: null,
    created_at: '2024-03-01T09:00:00Z',
    first_operator_reply_at: null,
    last_message_at: null,
    closed_at: null,
    last_changed_at: '2024-03-01T09:00:00Z',
    wait_for_first_reply_ms: null,
    total_response_ms: null,
    response_count: 0,
    last_position: '1',
    reassignment_count: 0,
    reopen_count: 0,
    search_text: '',
    ...input,
  };
  const { search_text, crm_link, ...columns } = row;
  const names = Object.keys(columns);
  const values = Object.values(columns);
  await pool.query(
    `INSERT INTO read_models.dialog_list (${names.join(', ')}, crm_link, form_filled, history_requested, summary, metrics, business, search)
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, $${names.length + 1}::jsonb, false, false, '{}', '{}', '{}',
             strip(to_tsvector('simple', $${names.length + 2})))`,
    [...values, crm_link === null ? null : JSON.stringify(crm_link), search_text],
  );
  return row.dialog_id;
}

export async function insertMessage(
  pool: Pool,
  input: { dialogId: string; position: number; kind?: 'message' | 'note'; authorKind?: string; authorId?: string; text?: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO read_models.dialog_messages (dialog_id, position, event_id, item_id, kind, author_kind, author_id, text, attachments, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '[]', '2024-03-01T09:00:00Z')`,
    [
      input.dialogId,
      input.position,
      randomUUID(),
      `item-${input.position}`,
      input.kind ?? 'message',
      input.authorKind ?? 'client',
      input.authorId ?? 'client-1',
      input.text ?? `text ${input.position}`,
    ],
  );
}

export async function insertStatusChange(
  pool: Pool,
  input: { dialogId: string; position: number; from: string | null; to: string; general?: string; eventType?: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO read_models.status_history (dialog_id, position, event_id, event_type, occurred_at, actor_kind, actor_id,
                                              from_general_status, to_general_status, from_detailed_status, to_detailed_status)
     VALUES ($1, $2, $3, $4, '2024-03-01T09:00:00Z', 'operator', 'op-a', NULL, $5, $6, $7)`,
    [input.dialogId, input.position, randomUUID(), input.eventType ?? 'MessageSent', input.general ?? 'client_waiting', input.from, input.to],
  );
}

export type AuditRowInput = {
  dialogId: string;
  position: number;
  from?: string | null;
  to?: string | null;
  reason?: string;
  actorKind?: string;
  actorId?: string;
  occurredAt: string;
  correlationId?: string;
};

export async function insertAuditEntry(pool: Pool, input: AuditRowInput): Promise<void> {
  const to = input.to === undefined ? 'op-a' : input.to;
  await pool.query(
    `INSERT INTO read_models.assignment_audit (dialog_id, position, event_id, event_type, from_operator_id, to_operator_id,
                                                reason, actor_kind, actor_id, occurred_at, correlation_id, causation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
    [
      input.dialogId,
      input.position,
      randomUUID(),
      to === null ? 'OperatorUnassigned' : 'OperatorAssigned',
      input.from ?? null,
      to,
      input.reason ?? 'manual',
      input.actorKind ?? 'supervisor',
      input.actorId ?? 'sup-1',
      input.occurredAt,
      input.correlationId ?? randomUUID(),
    ],
  );
}

export async function insertResponseInterval(
  pool: Pool,
  input: {
    position: number;
    operatorId: string;
    lineId: string | null;
    endedAt: string;
    durationMs: number;
    assigneeId?: string | null;
    businessDurationMs?: number;
  },
): Promise<void> {
  const ended = new Date(input.endedAt);
  await pool.query(
    `INSERT INTO read_models.response_intervals (dialog_id, position, event_id, operator_id, line_id, started_at, ended_at, duration_ms, day,
                                                  assignee_id, business_duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($7::timestamptz AT TIME ZONE 'UTC')::date, $9, $10)`,
    [
      randomUUID(),
      input.position,
      randomUUID(),
      input.operatorId,
      input.lineId,
      new Date(ended.getTime() - input.durationMs).toISOString(),
      ended.toISOString(),
      input.durationMs,
      // By default the operator who answered held the dialog too.
      input.assigneeId === undefined ? input.operatorId : input.assigneeId,
      // By default no schedule: business time equals calendar time.
      input.businessDurationMs ?? input.durationMs,
    ],
  );
}

export async function insertAssignmentResponse(
  pool: Pool,
  input: { operatorId: string; lineId: string | null; assignedAt: string; waitingAt: string | null; respondedAt: string | null },
): Promise<void> {
  await pool.query(
    `INSERT INTO read_models.assignment_responses (dialog_id, assignment_number, operator_id, reason, line_id, assigned_at,
                                                    client_waiting_at, first_response_at, first_responder_id, first_response_ms, day, last_position)
     VALUES ($1, 1, $2, 'manual', $3, $4, $5, $6, $2,
             (extract(epoch FROM $6::timestamptz - $5::timestamptz) * 1000)::bigint, ($6::timestamptz AT TIME ZONE 'UTC')::date, 1)`,
    [randomUUID(), input.operatorId, input.lineId, input.assignedAt, input.waitingAt, input.respondedAt],
  );
}
