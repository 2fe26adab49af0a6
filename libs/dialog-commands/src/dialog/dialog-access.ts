import {
  accessActionOf,
  assertAuthorized,
  assertOperatorInService,
  authorize,
  dialogAccessFactsOf,
  dialogErrors,
  lostOnlyTheFirstReplyRace,
  operatorStatusIn,
  type DialogCommand,
  type DialogEvent,
  type DialogFacts,
  type DialogState,
} from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';

/** What was recorded in the dialog's stream after a revision. */
export type EventsSince = (revision: bigint) => Promise<readonly RecordedEvent[]>;

/**
 * Whether the actor may do this to the dialog as it stands now: the one place access to a
 * dialog is decided. An operator principal acts only while registered and not removed. The one
 * look back: an operator's reply that names the revision their screen showed (`seenRevision`)
 * and lost a first-reply race since is recorded (its author joins); any other change since
 * refuses it, naming who holds the dialog now so the screen can say so. Only a refused reply
 * reads the stream again.
 */
export async function authorizeDialogCommand(command: DialogCommand, dialog: DialogState, facts: DialogFacts, since: EventsSince): Promise<void> {
  const { actor } = command.metadata;
  if (actor.kind === 'operator') assertOperatorInService(actor, operatorStatusIn(facts, actor.id));
  const action = accessActionOf(command);
  const access = dialog.exists ? dialogAccessFactsOf(dialog) : null;
  if (authorize(actor, action, access).allowed) return;
  if (dialog.exists && command.type === 'SendMessage' && command.data.seenRevision !== undefined) {
    const seenRevision = command.data.seenRevision;
    const later = await since(seenRevision);
    if (later.length === 0 && !(await hasRevision(since, seenRevision))) throw dialogErrors.seenRevisionAhead(dialog.dialogId, seenRevision);
    if (lostOnlyTheFirstReplyRace(later as unknown as DialogEvent[])) return;
    if (dialog.assigneeId !== null) throw dialogErrors.claimed(dialog.dialogId, dialog.assigneeId);
  }
  assertAuthorized(actor, action, access);
}

// Nothing after the seen revision: either the screen is current, or it names a revision to come.
async function hasRevision(since: EventsSince, revision: bigint): Promise<boolean> {
  return revision === 0n || (await since(revision - 1n)).length > 0;
}
