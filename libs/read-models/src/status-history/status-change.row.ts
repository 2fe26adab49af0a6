import type { DetailedStatus, GeneralStatus } from '@switchboard/dialogs';
import type { DialogSummaryState, OpenedDialogSummary } from '../dialog-metrics';
import type { DialogFact } from '../facts/recorded-fact';

/** A row of read_models.status_history, keyed like the table's columns. */
export type StatusChangeRow = Readonly<{
  dialog_id: string;
  position: string;
  event_id: string;
  event_type: string;
  occurred_at: string;
  actor_kind: string | null;
  actor_id: string | null;
  from_general_status: GeneralStatus | null;
  to_general_status: GeneralStatus;
  from_detailed_status: DetailedStatus | null;
  to_detailed_status: DetailedStatus;
}>;

/**
 * The change an event made to a dialog's statuses, or null if it left both alone. The opening
 * counts as a change from nothing, so a dialog's history starts with its first status.
 */
export function statusChangeOf(before: DialogSummaryState, after: OpenedDialogSummary, fact: DialogFact): StatusChangeRow | null {
  const from = before.exists ? before : null;
  if (from?.generalStatus === after.generalStatus && from.detailedStatus === after.detailedStatus) return null;
  return {
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    event_id: fact.eventId,
    event_type: fact.event.type,
    occurred_at: fact.event.data.occurredAt,
    actor_kind: fact.actor?.kind ?? null,
    actor_id: fact.actor?.id ?? null,
    from_general_status: from?.generalStatus ?? null,
    to_general_status: after.generalStatus,
    from_detailed_status: from?.detailedStatus ?? null,
    to_detailed_status: after.detailedStatus,
  };
}
