import type { Actor } from '../shared/actor';
import {
  clientWrote,
  closedHistories,
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  iso,
  operatorAssignedAt,
  serviceActor,
  systemActor,
} from '@switchboard/dialogs/testing';
import { dialogDecider } from './dialog.decider';
import type { DialogEvent } from './dialog.events';
import { MAX_DELETION_REASON } from './dialog.values';

const spec = deciderSpec(dialogDecider, dialogFacts());
const admin: Actor = { kind: 'admin', id: 'admin-1' };
const deleteIt = (reason = 'A test dialog', minute = 10) => dialogCommand('DeleteDialog', { reason }, { actor: admin, minute });
const deleted = (minute = 5): DialogEvent => ({
  type: 'DialogDeleted',
  data: { dialogId, deletedBy: 'admin-1', reason: 'A test dialog', occurredAt: iso(minute) },
});
const live = [dialogOpened(0), clientWrote(1), operatorAssignedAt('op-1', 2)];

describe('DeleteDialog', () => {
  it('records who deleted the dialog and why, whatever its status', () => {
    for (const history of [live, closedHistories.closing, closedHistories.closed, closedHistories.spam]) {
      spec
        .given(history)
        .when(deleteIt())
        .then([{ type: 'DialogDeleted', data: { dialogId, deletedBy: 'admin-1', reason: 'A test dialog', occurredAt: iso(10) } }]);
    }
  });

  it('needs a reason, of a bounded length', () => {
    spec.given(live).when(deleteIt('  ')).thenFails({ code: 'required_field_missing', kind: 'invalid' });
    spec
      .given(live)
      .when(deleteIt('r'.repeat(MAX_DELETION_REASON + 1)))
      .thenFails({ code: 'deletion_reason_too_long', kind: 'invalid' });
    spec
      .given(live)
      .when(deleteIt('r'.repeat(MAX_DELETION_REASON)))
      .then([{ type: 'DialogDeleted', data: { dialogId, deletedBy: 'admin-1', reason: 'r'.repeat(MAX_DELETION_REASON), occurredAt: iso(10) } }]);
  });

  it('refuses a dialog that does not exist, or is deleted already', () => {
    spec.given([]).when(deleteIt()).thenFails({ code: 'dialog_not_found', kind: 'not_found' });
    spec
      .given([...live, deleted()])
      .when(deleteIt())
      .thenFails({ code: 'dialog_deleted', kind: 'not_found' });
  });
});

describe('a deleted dialog', () => {
  const history = [...live, deleted(5)];

  it('refuses every command of a person, as not found with its own code', () => {
    const commands = [
      dialogCommand('SendMessage', { messageId: 'o-9', author: { kind: 'operator' }, text: 'hi' }),
      dialogCommand('SendMessage', { messageId: 'c-9', author: { kind: 'client' }, text: 'hi' }, { actor: serviceActor }),
      dialogCommand('AddNote', { noteId: 'n-1', text: 'note' }),
      dialogCommand('CloseDialog', {}),
      dialogCommand('ReopenDialog', {}),
      dialogCommand('AddTag', { tag: 'vip' }),
      dialogCommand('AssignOperator', { operatorId: 'op-2' }, { actor: admin }),
    ];
    for (const command of commands) spec.given(history).when(command).thenFails({ code: 'dialog_deleted', kind: 'not_found' });
  });

  it("leaves the system's reactions nothing to do, so the processes that issue them carry on", () => {
    spec
      .given(history)
      .when(dialogCommand('FinishClosing', {}, { actor: systemActor }))
      .thenNothing();
    spec
      .given(history)
      .when(dialogCommand('UnassignRemovedOperator', { operatorId: 'op-1' }, { actor: systemActor }))
      .thenNothing();
    spec
      .given(history)
      .when(dialogCommand('AssignRoutedOperator', { operatorId: 'op-2' }, { actor: systemActor }))
      .thenNothing();
  });

  it('still answers a retried post of a message recorded before the deletion with nothing', () => {
    spec
      .given(history)
      .when(dialogCommand('SendMessage', { messageId: 'c-1', author: { kind: 'client' }, text: 'hello' }, { actor: serviceActor }))
      .thenNothing();
  });
});
