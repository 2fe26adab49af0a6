import { dialogDecider } from './dialog.decider';
import {
  at,
  botWrote,
  clientWrote,
  dialogClosed,
  dialogClosedAsSpam,
  dialogId,
  dialogOpened,
  foldEvents,
  iso,
  operatorAssignedAt,
  operatorWrote,
  participantJoined,
} from '@switchboard/dialogs/testing';
import { evolveDialog } from './dialog.evolve';
import { initialDialogState } from './dialog.state';

const fold = (events: Parameters<typeof evolveDialog>[1][]) => foldEvents(dialogDecider, events);

describe('evolveDialog', () => {
  it('starts an opened dialog unassigned and new', () => {
    expect(fold([dialogOpened(0)])).toEqual({
      exists: true,
      dialogId,
      status: 'open',
      detailedStatus: 'new',
      isSpam: false,
      lineId: 'line-sales',
      channel: 'telegram',
      clientId: 'client-1',
      clientName: 'Ann',
      assigneeId: null,
      participants: [],
      tags: [],
      pinnedTo: null,
      crmLink: null,
      hasClientRating: false,
      lastPublicAuthorKind: null,
      lastOccurredAt: at(0),
      messageIds: new Set(),
      noteIds: new Set(),
      deleted: false,
    });
  });

  it('marks a deleted dialog, keeping its status', () => {
    const deleted = { type: 'DialogDeleted', data: { dialogId, deletedBy: 'admin-1', reason: 'test', occurredAt: iso(4) } } as const;
    expect(fold([dialogOpened(0), clientWrote(1), deleted])).toMatchObject({ deleted: true, status: 'open', detailedStatus: 'new', lastOccurredAt: at(4) });
  });

  it('tracks messages, the last public author and the last time', () => {
    const state = fold([dialogOpened(0), clientWrote(1), operatorWrote('op-1', 2), botWrote(3)]);
    expect(state).toMatchObject({
      messageIds: new Set(['c-1', 'o-2', 'b-3']),
      lastPublicAuthorKind: 'bot',
      lastOccurredAt: at(3),
      detailedStatus: 'operator_answered',
    });
  });

  it('tracks the assignee and the participants', () => {
    const state = fold([
      dialogOpened(0),
      operatorAssignedAt('op-1', 1),
      participantJoined('op-2', 2),
      participantJoined('op-3', 3),
      { type: 'ParticipantLeft', data: { dialogId, operatorId: 'op-2', reason: 'left', occurredAt: iso(4) } },
      { type: 'OperatorUnassigned', data: { dialogId, previousOperatorId: 'op-1', reason: 'manual', occurredAt: iso(5) } },
    ]);
    expect(state).toMatchObject({ assigneeId: null, participants: ['op-3'] });
  });

  it('tracks tags, pin and CRM link', () => {
    const state = fold([
      dialogOpened(0),
      { type: 'TagAdded', data: { dialogId, tag: 'a', occurredAt: iso(1) } },
      { type: 'TagAdded', data: { dialogId, tag: 'b', occurredAt: iso(1) } },
      { type: 'TagRemoved', data: { dialogId, tag: 'a', occurredAt: iso(1) } },
      { type: 'DialogPinned', data: { dialogId, operatorId: 'op-1', occurredAt: iso(1) } },
      { type: 'CrmLinkSet', data: { dialogId, crmLink: { kind: 'order', id: 'O-1', url: null }, occurredAt: iso(1) } },
    ]);
    expect(state).toMatchObject({ tags: ['b'], pinnedTo: 'op-1', crmLink: { kind: 'order', id: 'O-1', url: null } });
    const unpinned = fold([
      dialogOpened(0),
      { type: 'DialogPinned', data: { dialogId, operatorId: 'op-1', occurredAt: iso(1) } },
      { type: 'DialogUnpinned', data: { dialogId, operatorId: 'op-1', occurredAt: iso(2) } },
    ]);
    expect(unpinned).toMatchObject({ pinnedTo: null });
  });

  it('moves a transferred dialog to its new line', () => {
    const state = fold([
      dialogOpened(0),
      {
        type: 'DialogTransferredToLine',
        data: { dialogId, fromLineId: 'line-sales', toLineId: 'line-support', occurredAt: iso(1) },
      },
    ]);
    expect(state).toMatchObject({ lineId: 'line-support', detailedStatus: 'queued' });
  });

  it('flags spam and clears the flag on reopen', () => {
    const spam = fold([dialogOpened(0), clientWrote(1), dialogClosedAsSpam(2)]);
    expect(spam).toMatchObject({ isSpam: true, status: 'closed', detailedStatus: 'spam' });
    const reopened = evolveDialog(spam, { type: 'DialogReopened', data: { dialogId, reopenedBy: 'op-1', occurredAt: iso(3) } });
    expect(reopened).toMatchObject({ isSpam: false, status: 'open', detailedStatus: 'client_waiting' });
  });

  it('keeps a closing dialog in the closing lifecycle', () => {
    expect(fold([dialogOpened(0), dialogClosed(1, true)])).toMatchObject({ status: 'closing', detailedStatus: 'closing' });
  });

  it('ignores facts that precede the opening', () => {
    expect(evolveDialog(initialDialogState, clientWrote(1))).toBe(initialDialogState);
  });
});
