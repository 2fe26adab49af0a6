import type { DialogFact } from '../facts/recorded-fact';

/** A row of read_models.assignment_audit, keyed like the table's columns. */
export type AssignmentAuditRow = Readonly<{
  dialog_id: string;
  position: string;
  event_id: string;
  event_type: 'OperatorAssigned' | 'OperatorUnassigned';
  from_operator_id: string | null;
  // Null when the dialog was unassigned.
  to_operator_id: string | null;
  reason: string;
  actor_kind: string | null;
  actor_id: string | null;
  occurred_at: string;
  correlation_id: string | null;
  causation_id: string | null;
}>;

/** Who moved a dialog from whom to whom, on whose request; other facts are not assignments. */
export function assignmentAuditRowOf(fact: DialogFact): AssignmentAuditRow | null {
  const { event } = fact;
  if (event.type !== 'OperatorAssigned' && event.type !== 'OperatorUnassigned') return null;
  return {
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    event_id: fact.eventId,
    event_type: event.type,
    from_operator_id: event.data.previousOperatorId,
    to_operator_id: event.type === 'OperatorAssigned' ? event.data.operatorId : null,
    reason: event.data.reason,
    actor_kind: fact.actor?.kind ?? null,
    actor_id: fact.actor?.id ?? null,
    occurred_at: event.data.occurredAt,
    correlation_id: fact.correlationId,
    causation_id: fact.causationId,
  };
}
