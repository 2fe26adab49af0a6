import type { DialogEvent } from './dialog.events';
import { evolveDialog } from './dialog.evolve';
import { initialDialogState, type DialogState } from './dialog.state';
import { lostOnlyTheFirstReplyRace } from './reply-race.policy';

const at = '2026-03-01T10:00:00.000Z';
const opened: DialogEvent = {
  type: 'DialogOpened',
  data: { dialogId: 'd', direction: 'inbound', channel: 'web', lineId: 'l', client: { id: 'c', name: null }, occurredAt: at },
} as DialogEvent;
const claim = (operatorId: string): DialogEvent[] => [
  { type: 'OperatorAssigned', data: { dialogId: 'd', operatorId, previousOperatorId: null, reason: 'first_reply', occurredAt: at } },
  { type: 'MessageSent', data: { dialogId: 'd', messageId: `m-${operatorId}`, author: { kind: 'operator', id: operatorId }, text: 'hi', attachments: [], occurredAt: at } },
];
const stateOf = (...events: DialogEvent[]): DialogState => events.reduce(evolveDialog, initialDialogState);

describe('lostOnlyTheFirstReplyRace', () => {
  const unassigned = stateOf(opened);

  it('lets a reply through when only a colleague’s first reply happened since the seen revision', () => {
    expect(lostOnlyTheFirstReplyRace(unassigned, claim('op-a'))).toBe(true);
  });

  it('counts a third racer’s reply as part of the race', () => {
    const joined: DialogEvent[] = [
      { type: 'ParticipantJoined', data: { dialogId: 'd', operatorId: 'op-b', reason: 'replied', occurredAt: at } },
      { type: 'MessageSent', data: { dialogId: 'd', messageId: 'm-b', author: { kind: 'operator', id: 'op-b' }, text: 'me too', attachments: [], occurredAt: at } },
    ];
    expect(lostOnlyTheFirstReplyRace(unassigned, [...claim('op-a'), ...joined])).toBe(true);
  });

  it('refuses when the dialog was already assigned at the seen revision', () => {
    const assigned = stateOf(opened, claim('op-a')[0]);
    expect(lostOnlyTheFirstReplyRace(assigned, [])).toBe(false);
  });

  it('refuses when a supervisor’s assignment, not a reply, took the dialog', () => {
    const manual: DialogEvent = { type: 'OperatorAssigned', data: { dialogId: 'd', operatorId: 'op-a', previousOperatorId: null, reason: 'manual', occurredAt: at } };
    expect(lostOnlyTheFirstReplyRace(unassigned, [manual])).toBe(false);
  });

  it('refuses when anything else happened since: a client message, a close', () => {
    const client: DialogEvent = { type: 'MessageSent', data: { dialogId: 'd', messageId: 'm-c', author: { kind: 'client', id: 'c' }, text: '?', attachments: [], occurredAt: at } };
    const closed = { type: 'DialogClosed', data: { dialogId: 'd', occurredAt: at } } as unknown as DialogEvent;
    expect(lostOnlyTheFirstReplyRace(unassigned, [...claim('op-a'), client])).toBe(false);
    expect(lostOnlyTheFirstReplyRace(unassigned, [...claim('op-a'), closed])).toBe(false);
  });

  it('refuses on a dialog that did not exist or was closed at the seen revision', () => {
    expect(lostOnlyTheFirstReplyRace(initialDialogState, claim('op-a'))).toBe(false);
  });
});
