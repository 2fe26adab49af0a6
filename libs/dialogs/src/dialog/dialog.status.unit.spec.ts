import {
  botWrote,
  clientWrote,
  dialogClosed,
  dialogClosedAsSpam,
  dialogId,
  dialogOpened,
  iso,
  operatorAssignedAt,
  operatorWrote,
  participantJoined,
} from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';
import { generalStatusOf, journalStatusOf, lifecycleOf, nextDetailedStatus, type DetailedStatus } from './dialog.status';
import type { PublicAuthorKind } from './dialog.values';

const allStatuses: readonly DetailedStatus[] = [
  'new',
  'queued',
  'in_work',
  'client_waiting',
  'client_waiting_new_question',
  'operator_answered',
  'closing',
  'closed',
  'spam',
];
const noAuthor = { lastPublicAuthorKind: null };
const taken: DialogEvent = { type: 'DialogTakenIntoWork', data: { dialogId, operatorId: 'op-1', occurredAt: iso(1) } };
const queued: DialogEvent = {
  type: 'DialogTransferredToLine',
  data: { dialogId, fromLineId: 'a', toLineId: 'b', occurredAt: iso(1) },
};
const reopened: DialogEvent = { type: 'DialogReopened', data: { dialogId, reopenedBy: 'op-1', occurredAt: iso(1) } };
const rated: DialogEvent = { type: 'ClientRatedDialog', data: { dialogId, rating: 5, comment: null, occurredAt: iso(1) } };

// The table of docs/product.md (Statuses), row by row.
describe('nextDetailedStatus', () => {
  it.each(allStatuses)('dialog opened -> new (from %s)', (current) => {
    expect(nextDetailedStatus(current, dialogOpened(), noAuthor)).toBe('new');
  });

  it.each<[DetailedStatus, DetailedStatus]>([
    ['new', 'new'],
    ['operator_answered', 'client_waiting_new_question'],
    ['in_work', 'client_waiting'],
    ['queued', 'client_waiting'],
    ['client_waiting', 'client_waiting'],
    ['client_waiting_new_question', 'client_waiting_new_question'],
  ])('client message while %s -> %s', (current, expected) => {
    expect(nextDetailedStatus(current, clientWrote(1), noAuthor)).toBe(expected);
  });

  it.each(allStatuses)('operator public message -> operator_answered (from %s)', (current) => {
    expect(nextDetailedStatus(current, operatorWrote('op-1', 1), noAuthor)).toBe('operator_answered');
  });

  it.each(allStatuses)('operator takes the dialog into work -> in_work (from %s)', (current) => {
    expect(nextDetailedStatus(current, taken, noAuthor)).toBe('in_work');
  });

  it.each(allStatuses)("dialog sent to a line's queue -> queued (from %s)", (current) => {
    expect(nextDetailedStatus(current, queued, noAuthor)).toBe('queued');
  });

  it("closed, waiting for the client's rating -> closing", () => {
    expect(nextDetailedStatus('operator_answered', dialogClosed(1, true), noAuthor)).toBe('closing');
  });

  it('closing -> closed on the rating', () => {
    expect(nextDetailedStatus('closing', rated, noAuthor)).toBe('closed');
  });

  it('closing -> closed after the timeout (a system close)', () => {
    expect(nextDetailedStatus('closing', dialogClosed(1, false, null), noAuthor)).toBe('closed');
  });

  it('closed -> closed', () => {
    expect(nextDetailedStatus('client_waiting', dialogClosed(1), noAuthor)).toBe('closed');
  });

  it('force-closed as spam -> spam', () => {
    expect(nextDetailedStatus('closing', dialogClosedAsSpam(1), noAuthor)).toBe('spam');
  });

  it.each<[PublicAuthorKind | null, DetailedStatus]>([
    ['operator', 'operator_answered'],
    ['client', 'client_waiting'],
    ['bot', 'client_waiting'],
    [null, 'client_waiting'],
  ])('reopened after a last public message by %s -> %s', (lastPublicAuthorKind, expected) => {
    expect(nextDetailedStatus('closed', reopened, { lastPublicAuthorKind })).toBe(expected);
  });

  const unchanging: ReadonlyArray<[string, DialogEvent]> = [
    ['a bot message', botWrote(1)],
    ['a note', { type: 'NoteAdded', data: { dialogId, noteId: 'n', operatorId: 'op-1', text: 't', occurredAt: iso(1) } }],
    ['a tag added', { type: 'TagAdded', data: { dialogId, tag: 't', occurredAt: iso(1) } }],
    ['a tag removed', { type: 'TagRemoved', data: { dialogId, tag: 't', occurredAt: iso(1) } }],
    ['an assignment', operatorAssignedAt('op-1', 1)],
    ['an unassignment', { type: 'OperatorUnassigned', data: { dialogId, previousOperatorId: 'op-1', reason: 'manual', occurredAt: iso(1) } }],
    ['a participant joining', participantJoined('op-2', 1)],
    ['a participant leaving', { type: 'ParticipantLeft', data: { dialogId, operatorId: 'op-2', reason: 'left', occurredAt: iso(1) } }],
    ['a pin', { type: 'DialogPinned', data: { dialogId, operatorId: 'op-1', occurredAt: iso(1) } }],
    ['an unpin', { type: 'DialogUnpinned', data: { dialogId, operatorId: 'op-1', occurredAt: iso(1) } }],
    ['a CRM link', { type: 'CrmLinkSet', data: { dialogId, crmLink: { kind: 'deal', id: 'd', url: null }, occurredAt: iso(1) } }],
    ['a review', { type: 'DialogReviewed', data: { dialogId, reviewerId: 's', score: 5, comment: '', occurredAt: iso(1) } }],
  ];
  const unchangingByStatus = unchanging.flatMap(([name, event]) => allStatuses.map((s) => [name, s, event] as const));

  it.each(unchangingByStatus)('%s leaves %s as it is', (_name, current, event) => {
    expect(nextDetailedStatus(current, event, { lastPublicAuthorKind: 'client' })).toBe(current);
  });

  it.each(allStatuses.filter((s) => s !== 'closing'))('a rating leaves %s as it is', (current) => {
    expect(nextDetailedStatus(current, rated, noAuthor)).toBe(current);
  });
});

describe('generalStatusOf', () => {
  it.each<[DetailedStatus, string]>([
    ['new', 'client_waiting'],
    ['queued', 'client_waiting'],
    ['in_work', 'client_waiting'],
    ['client_waiting', 'client_waiting'],
    ['client_waiting_new_question', 'client_waiting'],
    ['operator_answered', 'operator_answered'],
    ['closing', 'closed'],
    ['closed', 'closed'],
    ['spam', 'closed'],
  ])('%s -> %s', (detailed, expected) => {
    expect(generalStatusOf(detailed)).toBe(expected);
  });
});

describe('journalStatusOf', () => {
  it.each<[DetailedStatus, string | null, string]>([
    ['new', null, 'unassigned'],
    ['client_waiting', null, 'unassigned'],
    ['new', 'op-1', 'active'],
    ['operator_answered', 'op-1', 'active'],
    ['closing', 'op-1', 'inactive'],
    ['closed', null, 'inactive'],
    ['spam', 'op-1', 'inactive'],
  ])('%s with assignee %s -> %s', (detailed, assigneeId, expected) => {
    expect(journalStatusOf(detailed, assigneeId)).toBe(expected);
  });
});

describe('lifecycleOf', () => {
  it.each<[DetailedStatus, string]>([
    ['operator_answered', 'open'],
    ['queued', 'open'],
    ['closing', 'closing'],
    ['closed', 'closed'],
    ['spam', 'closed'],
  ])('%s -> %s', (detailed, expected) => {
    expect(lifecycleOf(detailed)).toBe(expected);
  });
});
