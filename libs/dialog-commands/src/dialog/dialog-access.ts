import {
  AccessAction,
  authorize,
  assertAuthorized,
  dialogAccessFactsOf,
  dialogDecider,
  dialogErrors,
  lostOnlyTheFirstReplyRace,
  type Actor,
  type DialogEvent,
  type DialogState,
} from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { DialogIntent } from '../intents';

/**
 * Whether the actor may do this to the dialog as it stands now. The one look back: an operator's
 * reply that names the revision their screen showed (`seenRevision`) and lost a first-reply race
 * since is recorded (its author joins); any other change since refuses it, naming who holds the
 * dialog now so the screen can say so.
 */
export function authorizeDialogIntent(actor: Actor, intent: DialogIntent, dialog: DialogState, recorded: readonly RecordedEvent[]): void {
  const action = accessActionOf(intent);
  const facts = dialog.exists ? dialogAccessFactsOf(dialog) : null;
  if (authorize(actor, action, facts).allowed) return;
  if (dialog.exists && intent.type === 'SendMessage' && intent.seenRevision !== undefined) {
    const seenRevision = intent.seenRevision;
    const last = recorded.length > 0 ? recorded[recorded.length - 1].revision : -1n;
    if (seenRevision > last) throw dialogErrors.seenRevisionAhead(dialog.dialogId, seenRevision);
    const events = recorded.map((e) => e as unknown as DialogEvent & { revision: bigint });
    const seen = events.filter((e) => e.revision <= seenRevision).reduce(dialogDecider.evolve, dialogDecider.initialState);
    if (lostOnlyTheFirstReplyRace(seen, events.filter((e) => e.revision > seenRevision))) return;
    if (dialog.assigneeId !== null) throw dialogErrors.claimed(dialog.dialogId, dialog.assigneeId);
  }
  assertAuthorized(actor, action, facts);
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
