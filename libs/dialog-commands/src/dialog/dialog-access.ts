import {
  AccessAction,
  authorize,
  assertAuthorized,
  dialogAccessFactsOf,
  dialogErrors,
  lostOnlyTheFirstReplyRace,
  type Actor,
  type DialogEvent,
  type DialogState,
} from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { DialogIntent } from '../intents';

/** What was recorded in the dialog's stream after a revision. */
export type EventsSince = (revision: bigint) => Promise<readonly RecordedEvent[]>;

/**
 * Whether the actor may do this to the dialog as it stands now. The one look back: an operator's
 * reply that names the revision their screen showed (`seenRevision`) and lost a first-reply race
 * since is recorded (its author joins); any other change since refuses it, naming who holds the
 * dialog now so the screen can say so. Only a refused reply reads the stream again.
 */
export async function authorizeDialogIntent(actor: Actor, intent: DialogIntent, dialog: DialogState, since: EventsSince): Promise<void> {
  const action = accessActionOf(intent);
  const facts = dialog.exists ? dialogAccessFactsOf(dialog) : null;
  if (authorize(actor, action, facts).allowed) return;
  if (dialog.exists && intent.type === 'SendMessage' && intent.seenRevision !== undefined) {
    const later = await since(intent.seenRevision);
    if (later.length === 0 && !(await hasRevision(since, intent.seenRevision))) {
      throw dialogErrors.seenRevisionAhead(dialog.dialogId, intent.seenRevision);
    }
    if (lostOnlyTheFirstReplyRace(later as unknown as DialogEvent[])) return;
    if (dialog.assigneeId !== null) throw dialogErrors.claimed(dialog.dialogId, dialog.assigneeId);
  }
  assertAuthorized(actor, action, facts);
}

// Nothing after the seen revision: either the screen is current, or it names a revision to come.
async function hasRevision(since: EventsSince, revision: bigint): Promise<boolean> {
  return revision === 0n || (await since(revision - 1n)).length > 0;
}

function accessActionOf(intent: DialogIntent): AccessAction {
  if (intent.type !== 'SendMessage') return intent.type;
  switch (intent.author.kind) {
    case 'client':
      return 'SendClientMessage';
    case 'bot':
      return 'SendBotMessage';
    case 'operator':
      return 'SendOperatorMessage';
  }
}
