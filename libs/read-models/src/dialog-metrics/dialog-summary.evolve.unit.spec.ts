import type { DialogEvent } from '@switchboard/dialogs';
import { evolveDialogSummary } from './dialog-summary.evolve';
import { initialDialogSummary, type DialogSummaryState, type OpenedDialogSummary } from './dialog-summary.state';
import {
  assigned,
  bot,
  client,
  closed,
  closedAsSpam,
  dialogId,
  iso,
  note,
  opened,
  operator,
  rated,
  reopened,
  tagged,
  taken,
  transferred,
} from '@switchboard/read-models/testing';

const fold = (events: readonly DialogEvent[]): DialogSummaryState => events.reduce(evolveDialogSummary, initialDialogSummary);

const at = iso(1);
const unassigned = (minute: number): DialogEvent => ({
  type: 'OperatorUnassigned',
  data: { dialogId, previousOperatorId: 'op-1', reason: 'manual', occurredAt: iso(minute) },
});
const joined = (operatorId: string): DialogEvent => ({
  type: 'ParticipantJoined',
  data: { dialogId, operatorId, reason: 'joined', occurredAt: at },
});
const left = (operatorId: string): DialogEvent => ({
  type: 'ParticipantLeft',
  data: { dialogId, operatorId, reason: 'left', occurredAt: at },
});

type StatusRow = [string, DialogEvent[], Pick<OpenedDialogSummary, 'detailedStatus' | 'generalStatus' | 'journalStatus' | 'isSpam'>];

describe('evolveDialogSummary', () => {
  it('copies the opening facts', () => {
    const summary = fold([
      opened(0, {
        direction: 'outbound',
        channel: 'email',
        pageUrl: 'https://shop.example/cart',
        formFilled: true,
        historyRequested: true,
        previousDialogId: 'dlg-0',
      }),
    ]);
    expect(summary).toEqual({
      exists: true,
      dialogId,
      direction: 'outbound',
      channel: 'email',
      lineId: 'line-sales',
      client: { id: 'client-1', name: 'Ann' },
      pageUrl: 'https://shop.example/cart',
      formFilled: true,
      historyRequested: true,
      previousDialogId: 'dlg-0',
      detailedStatus: 'new',
      generalStatus: 'client_waiting',
      journalStatus: 'unassigned',
      isSpam: false,
      assigneeId: null,
      participants: [],
      tags: [],
      pinnedTo: null,
      crmLink: null,
      clientRating: null,
      review: null,
      lastPublicAuthorKind: null,
    });
  });

  it('ignores facts before the opening', () => {
    expect(fold([client(1), tagged('vip', 2)])).toEqual({ exists: false });
  });

  it.each<StatusRow>([
    [
      'new while only the client wrote',
      [opened(0), client(1), bot(2)],
      { detailedStatus: 'new', generalStatus: 'client_waiting', journalStatus: 'unassigned', isSpam: false },
    ],
    [
      'answered after an operator message',
      [opened(0), client(1), assigned('op-1', 2), operator('op-1', 2)],
      { detailedStatus: 'operator_answered', generalStatus: 'operator_answered', journalStatus: 'active', isSpam: false },
    ],
    [
      'a new question after the answer',
      [opened(0), client(1), assigned('op-1', 2), operator('op-1', 2), client(3)],
      { detailedStatus: 'client_waiting_new_question', generalStatus: 'client_waiting', journalStatus: 'active', isSpam: false },
    ],
    [
      'in work after a take',
      [opened(0), client(1), taken('op-1', 2), assigned('op-1', 2)],
      { detailedStatus: 'in_work', generalStatus: 'client_waiting', journalStatus: 'active', isSpam: false },
    ],
    [
      'queued after a transfer to a line',
      [opened(0), client(1), transferred('line-support', 2)],
      { detailedStatus: 'queued', generalStatus: 'client_waiting', journalStatus: 'unassigned', isSpam: false },
    ],
    [
      'closing while awaiting the rating',
      [opened(0), client(1), closed(2, { awaitingRating: true })],
      { detailedStatus: 'closing', generalStatus: 'closed', journalStatus: 'inactive', isSpam: false },
    ],
    [
      'closed once rated',
      [opened(0), client(1), closed(2, { awaitingRating: true }), rated(3)],
      { detailedStatus: 'closed', generalStatus: 'closed', journalStatus: 'inactive', isSpam: false },
    ],
    [
      'spam after a force-close',
      [opened(0), client(1), closedAsSpam(2)],
      { detailedStatus: 'spam', generalStatus: 'closed', journalStatus: 'inactive', isSpam: true },
    ],
    [
      'reopened after the client wrote last',
      [opened(0), client(1), closedAsSpam(2), reopened(3)],
      { detailedStatus: 'client_waiting', generalStatus: 'client_waiting', journalStatus: 'unassigned', isSpam: false },
    ],
    [
      'reopened after the operator wrote last',
      [opened(0), client(1), assigned('op-1', 2), operator('op-1', 2), note(3), closed(4), reopened(5)],
      { detailedStatus: 'operator_answered', generalStatus: 'operator_answered', journalStatus: 'active', isSpam: false },
    ],
  ])('status: %s', (_case, events, expected) => {
    expect(fold(events)).toMatchObject(expected);
  });

  it.each<[string, DialogEvent[], Partial<OpenedDialogSummary>]>([
    ['assignee and unassignment', [opened(0), assigned('op-1', 1), unassigned(2)], { assigneeId: null, journalStatus: 'unassigned' }],
    ['participants join and leave once each', [opened(0), joined('op-2'), joined('op-3'), joined('op-2'), left('op-2')], { participants: ['op-3'] }],
    [
      'tags are a set in arrival order',
      [opened(0), tagged('vip', 1), tagged('b2b', 2), tagged('vip', 3), { type: 'TagRemoved', data: { dialogId, tag: 'b2b', occurredAt: at } }],
      { tags: ['vip'] },
    ],
    [
      'pinning and unpinning',
      [
        opened(0),
        { type: 'DialogPinned', data: { dialogId, operatorId: 'op-1', occurredAt: at } },
        { type: 'DialogUnpinned', data: { dialogId, operatorId: 'op-1', occurredAt: at } },
      ],
      { pinnedTo: null },
    ],
    ['a pin', [opened(0), { type: 'DialogPinned', data: { dialogId, operatorId: 'op-1', occurredAt: at } }], { pinnedTo: 'op-1' }],
    [
      'the latest CRM link',
      [opened(0), { type: 'CrmLinkSet', data: { dialogId, crmLink: { kind: 'deal', id: 'D-7', url: null }, occurredAt: at } }],
      { crmLink: { kind: 'deal', id: 'D-7', url: null } },
    ],
    [
      'the client rating',
      [opened(0), closed(1, { awaitingRating: true }), { type: 'ClientRatedDialog', data: { dialogId, rating: 4, comment: 'ok', occurredAt: at } }],
      { clientRating: { rating: 4, comment: 'ok' } },
    ],
    [
      'the latest review',
      [
        opened(0),
        { type: 'DialogReviewed', data: { dialogId, reviewerId: 'sup-1', score: 2, comment: 'slow', occurredAt: at } },
        { type: 'DialogReviewed', data: { dialogId, reviewerId: 'sup-2', score: 5, comment: 'fine', occurredAt: at } },
      ],
      { review: { reviewerId: 'sup-2', score: 5, comment: 'fine' } },
    ],
    ['the line after a transfer', [opened(0), transferred('line-support', 1)], { lineId: 'line-support' }],
    ['the last public author, notes aside', [opened(0), client(1), operator('op-1', 2), bot(3), note(4)], { lastPublicAuthorKind: 'bot' }],
  ])('%s', (_case, events, expected) => {
    expect(fold(events)).toMatchObject(expected);
  });

  it('keeps a state that survives JSON unchanged', () => {
    const state = fold([opened(0), client(1), assigned('op-1', 2), operator('op-1', 2), tagged('vip', 3), rated(4)]);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });
});
