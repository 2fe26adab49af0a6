import { noDialogFacts } from './dialog.facts';
import { dialogDecider } from './dialog.decider';
import { at, closedHistories, dialogCommand, dialogId, dialogOpened, foldEvents, serviceActor } from '@switchboard/dialogs/testing';
import { DomainError } from '../shared/domain-error';
import type { ExistingDialogState } from './dialog.state';
import { followUpDialogFor } from './follow-up-dialog.policy';

describe('followUpDialogFor', () => {
  const closed = foldEvents(dialogDecider, closedHistories.closed) as ExistingDialogState;

  it('continues the same client (with their name), line and channel, pointing back to the closed dialog', () => {
    expect(followUpDialogFor(closed, 'dlg-2')).toEqual({
      dialogId: 'dlg-2',
      direction: 'inbound',
      channel: 'telegram',
      lineId: 'line-sales',
      client: { id: 'client-1', name: 'Ann' },
      previousDialogId: dialogId,
    });
  });

  it('is what a handler opens after a client message is refused', () => {
    const message = dialogCommand('SendMessage', { messageId: 'c-9', author: { kind: 'client' }, text: 'again' }, { actor: serviceActor });
    expect(() => dialogDecider.decide(message, closed, noDialogFacts)).toThrow(DomainError);

    const opened = dialogDecider.decide(
      { type: 'OpenDialog', data: followUpDialogFor(closed, 'dlg-2'), metadata: { actor: serviceActor, occurredAt: at(10) } },
      dialogDecider.initialState,
      noDialogFacts,
    );
    expect(opened).toMatchObject([{ type: 'DialogOpened', data: { dialogId: 'dlg-2', previousDialogId: dialogId } }]);
  });

  it('replaces a deleted dialog without pointing back to it', () => {
    const deleted = foldEvents(dialogDecider, [
      dialogOpened(0),
      { type: 'DialogDeleted', data: { dialogId, deletedBy: 'admin-1', reason: 'test', occurredAt: '2024-03-01T10:05:00.000Z' } },
    ]) as ExistingDialogState;
    const message = dialogCommand('SendMessage', { messageId: 'c-9', author: { kind: 'client' }, text: 'again' }, { actor: serviceActor });
    expect(() => dialogDecider.decide(message, deleted, noDialogFacts)).toThrow(expect.objectContaining({ code: 'dialog_deleted' }));
    expect(followUpDialogFor(deleted, 'dlg-2')).toEqual({
      dialogId: 'dlg-2',
      direction: 'inbound',
      channel: 'telegram',
      lineId: 'line-sales',
      client: { id: 'client-1', name: 'Ann' },
    });
  });
});
