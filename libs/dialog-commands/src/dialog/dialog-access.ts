import { AccessAction, assertAuthorized, dialogAccessFactsOf, DialogState, type Actor } from '@switchboard/dialogs';
import type { DialogIntent } from '../intents';

/** Asks the domain's access policy whether the actor may do this to the dialog as it stands. */
export function authorizeDialogIntent(actor: Actor, intent: DialogIntent, dialog: DialogState): void {
  assertAuthorized(actor, accessActionOf(intent), dialog.exists ? dialogAccessFactsOf(dialog) : null);
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
