import { dialogDecider } from './dialog.decider';
import { clientWrote, deciderSpec, dialogCommand, dialogFacts, dialogId, dialogOpened, iso } from '@switchboard/dialogs/testing';
import type { DialogCommand } from './dialog.commands';

const spec = deciderSpec(dialogDecider, dialogFacts());

// One command of every type but OpenDialog, for the rules every command obeys.
const commandsOnAnExistingDialog: ReadonlyArray<DialogCommand> = [
  dialogCommand('SendMessage', { messageId: 'm-1', author: { kind: 'client' }, text: 'hi' }),
  dialogCommand('AddNote', { noteId: 'n-1', text: 'note' }),
  dialogCommand('AssignOperator', { operatorId: 'op-2' }),
  dialogCommand('AssignRoutedOperator', { operatorId: 'op-2' }),
  dialogCommand('TakeIntoWork', {}),
  dialogCommand('JoinDialog', {}),
  dialogCommand('LeaveDialog', {}),
  dialogCommand('TransferToLine', { toLineId: 'line-support' }),
  dialogCommand('TransferToOperator', { operatorId: 'op-2' }),
  dialogCommand('AddTag', { tag: 'vip' }),
  dialogCommand('RemoveTag', { tag: 'vip' }),
  dialogCommand('PinDialog', { operatorId: 'op-1' }),
  dialogCommand('UnpinDialog', {}),
  dialogCommand('SetCrmLink', { crmLink: { kind: 'contact', id: 'C-1' } }),
  dialogCommand('CloseDialog', {}),
  dialogCommand('FinishClosing', {}),
  dialogCommand('ForceCloseAsSpam', {}),
  dialogCommand('ReopenDialog', {}),
  dialogCommand('RateDialog', { rating: 5 }),
  dialogCommand('ReviewDialog', { score: 5, comment: 'fine' }),
  dialogCommand('UnassignRemovedOperator', { operatorId: 'op-2' }),
];
const byType = commandsOnAnExistingDialog.map((command) => [command.type, command] as const);

describe('every command on a dialog', () => {
  it.each(byType)('%s answers not found when the dialog does not exist', (_type, command) => {
    spec.given([]).when(command).thenFails({ code: 'dialog_not_found', kind: 'not_found' });
  });

  it.each(byType)('%s refuses a time earlier than the last event', (_type, command) => {
    spec
      .given([dialogOpened(0), clientWrote(30)])
      .when({ ...command, metadata: { ...command.metadata, occurredAt: new Date('2024-03-01T09:29:59.999Z') } })
      .thenFails({ code: 'occurred_at_before_last_event', kind: 'unprocessable' });
  });

  it.each(byType)('%s refuses an invalid time', (_type, command) => {
    spec
      .given([dialogOpened(0)])
      .when({ ...command, metadata: { ...command.metadata, occurredAt: new Date('not a date') } })
      .thenFails({ code: 'invalid_occurred_at', kind: 'invalid' });
  });
});

it('accepts a command at the same instant as the last event', () => {
  const note = dialogCommand('AddNote', { noteId: 'n-1', text: 'same minute' }, { minute: 30 });
  spec
    .given([dialogOpened(0), clientWrote(30)])
    .when(note)
    .then([{ type: 'NoteAdded', data: { dialogId, noteId: 'n-1', operatorId: 'op-1', text: 'same minute', occurredAt: iso(30) } }]);
});
