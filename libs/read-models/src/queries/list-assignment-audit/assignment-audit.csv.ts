import type { CsvColumn } from '@switchboard/platform';
import type { AssignmentAuditView } from './list-assignment-audit.query';

/** The trail as CSV, for the HTTP answer and the export alike; names as in the table. */
export const assignmentAuditCsvColumns: readonly CsvColumn<AssignmentAuditView>[] = [
  { name: 'occurred_at', value: (e) => e.occurredAt },
  { name: 'position', value: (e) => e.position },
  { name: 'dialog_id', value: (e) => e.dialogId },
  { name: 'event_type', value: (e) => e.eventType },
  { name: 'from_operator_id', value: (e) => e.fromOperatorId },
  { name: 'to_operator_id', value: (e) => e.toOperatorId },
  { name: 'reason', value: (e) => e.reason },
  { name: 'actor_kind', value: (e) => e.actor?.kind ?? null },
  { name: 'actor_id', value: (e) => e.actor?.id ?? null },
  { name: 'correlation_id', value: (e) => e.correlationId },
  { name: 'causation_id', value: (e) => e.causationId },
  { name: 'event_id', value: (e) => e.eventId },
];
