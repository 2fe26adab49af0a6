import type { DialogEvent } from './dialog.events';
import { lostOnlyTheFirstReplyRace } from './reply-race.policy';

const at = '2026-03-01T10:00:00.000Z';
const claim = (operatorId: string): DialogEvent[] => [
  { type: 'OperatorAssigned', data: { dialogId: 'd', operatorId, previousOperatorId: null, reason: 'first_reply', occurredAt: at } },
  {
    type: 'MessageSent',
    data: { dialogId: 'd', messageId: `m-${operatorId}`, author: { kind: 'operator', id: operatorId }, text: 'hi', attachments: [], occurredAt: at },
  },
];

describe('lostOnlyTheFirstReplyRace', () => {
  it('lets a reply through when only a colleague’s first reply happened since the seen revision', () => {
    expect(lostOnlyTheFirstReplyRace(claim('op-a'))).toBe(true);
  });

  it('counts a third racer’s reply as part of the race', () => {
    const joined: DialogEvent[] = [
      { type: 'ParticipantJoined', data: { dialogId: 'd', operatorId: 'op-b', reason: 'replied', occurredAt: at } },
      {
        type: 'MessageSent',
        data: { dialogId: 'd', messageId: 'm-b', author: { kind: 'operator', id: 'op-b' }, text: 'me too', attachments: [], occurredAt: at },
      },
    ];
    expect(lostOnlyTheFirstReplyRace([...claim('op-a'), ...joined])).toBe(true);
  });

  it('refuses when nothing claimed the dialog since: it was someone else’s already', () => {
    expect(lostOnlyTheFirstReplyRace([])).toBe(false);
    expect(lostOnlyTheFirstReplyRace(claim('op-a').slice(1))).toBe(false);
  });

  it('refuses when a supervisor’s assignment, not a reply, took the dialog', () => {
    const manual: DialogEvent = {
      type: 'OperatorAssigned',
      data: { dialogId: 'd', operatorId: 'op-a', previousOperatorId: null, reason: 'manual', occurredAt: at },
    };
    expect(lostOnlyTheFirstReplyRace([manual])).toBe(false);
  });

  it('refuses when anything else happened since: a client message, a close', () => {
    const client: DialogEvent = {
      type: 'MessageSent',
      data: { dialogId: 'd', messageId: 'm-c', author: { kind: 'client', id: 'c' }, text: '?', attachments: [], occurredAt: at },
    };
    const closed = { type: 'DialogClosed', data: { dialogId: 'd', occurredAt: at } } as unknown as DialogEvent;
    expect(lostOnlyTheFirstReplyRace([...claim('op-a'), client])).toBe(false);
    expect(lostOnlyTheFirstReplyRace([...claim('op-a'), closed])).toBe(false);
  });

  it('refuses when the dialog was claimed, lost and claimed again since', () => {
    const unassigned: DialogEvent = { type: 'OperatorUnassigned', data: { dialogId: 'd', previousOperatorId: 'op-a', reason: 'manual', occurredAt: at } };
    expect(lostOnlyTheFirstReplyRace([...claim('op-a'), unassigned, ...claim('op-c')])).toBe(false);
  });
});
