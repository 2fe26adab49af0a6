import type { AssignmentReason, DialogClosed, DialogEvent, DialogOpened, MessageSent, PublicAuthorKind } from '@switchboard/dialogs';
import { evolveDialogMetrics } from './dialog-metrics.evolve';
import { initialDialogMetrics, type DialogMetricsState } from './dialog-metrics.state';
import { metricsOf, type DialogMetrics } from './dialog-metrics.view';

// Specs speak in minutes since a fixed start, which keeps timelines readable.
const start = Date.parse('2024-03-01T09:00:00.000Z');

export const iso = (minute: number): string => new Date(start + minute * 60_000).toISOString();

export const ms = (minutes: number): number => minutes * 60_000;

// For the rare spec that needs millisecond precision rather than whole minutes.
export const atMs = <E extends DialogEvent>(event: E, msSinceStart: number): E => ({
  ...event,
  data: { ...event.data, occurredAt: new Date(start + msSinceStart).toISOString() },
});

export const dialogId = 'dlg-1';

export const opened = (minute: number, overrides: Partial<DialogOpened['data']> = {}): DialogOpened => ({
  type: 'DialogOpened',
  data: {
    dialogId,
    direction: 'inbound',
    channel: 'telegram',
    lineId: 'line-sales',
    client: { id: 'client-1', name: 'Ann' },
    pageUrl: null,
    formFilled: false,
    historyRequested: false,
    previousDialogId: null,
    occurredAt: iso(minute),
    ...overrides,
  },
});

const message = (kind: PublicAuthorKind, id: string, minute: number): MessageSent => ({
  type: 'MessageSent',
  data: {
    dialogId,
    messageId: `${kind}-${minute}`,
    author: { kind, id },
    text: 'hello',
    attachments: [],
    occurredAt: iso(minute),
  },
});

export const client = (minute: number): MessageSent => message('client', 'client-1', minute);
export const operator = (operatorId: string, minute: number): MessageSent => message('operator', operatorId, minute);
export const bot = (minute: number): MessageSent => message('bot', 'greeter', minute);

export const note = (minute: number): DialogEvent => ({
  type: 'NoteAdded',
  data: { dialogId, noteId: `n-${minute}`, operatorId: 'op-1', text: 'internal', occurredAt: iso(minute) },
});

export const assigned = (operatorId: string, minute: number): DialogEvent => ({
  type: 'OperatorAssigned',
  data: { dialogId, operatorId, previousOperatorId: null, reason: 'first_reply', occurredAt: iso(minute) },
});

export const taken = (operatorId: string, minute: number): DialogEvent => ({
  type: 'DialogTakenIntoWork',
  data: { dialogId, operatorId, occurredAt: iso(minute) },
});

export const transferred = (toLineId: string, minute: number, fromLineId = 'line-sales'): DialogEvent => ({
  type: 'DialogTransferredToLine',
  data: { dialogId, fromLineId, toLineId, occurredAt: iso(minute) },
});

export const tagged = (tag: string, minute: number): DialogEvent => ({
  type: 'TagAdded',
  data: { dialogId, tag, occurredAt: iso(minute) },
});

export const closed = (minute: number, options: { closedBy?: string | null; awaitingRating?: boolean } = {}): DialogClosed => ({
  type: 'DialogClosed',
  data: {
    dialogId,
    closedBy: options.closedBy === undefined ? 'op-1' : options.closedBy,
    awaitingRating: options.awaitingRating ?? false,
    occurredAt: iso(minute),
  },
});

export const closedAsSpam = (minute: number): DialogEvent => ({
  type: 'DialogClosedAsSpam',
  data: { dialogId, closedBy: 'op-1', occurredAt: iso(minute) },
});

export const reopened = (minute: number): DialogEvent => ({
  type: 'DialogReopened',
  data: { dialogId, reopenedBy: 'op-1', occurredAt: iso(minute) },
});

export const rated = (minute: number, rating = 5): DialogEvent => ({
  type: 'ClientRatedDialog',
  data: { dialogId, rating, comment: null, occurredAt: iso(minute) },
});

export const foldMetrics = (events: readonly DialogEvent[]): DialogMetricsState => events.reduce(evolveDialogMetrics, initialDialogMetrics);

export const metricsAfter = (events: readonly DialogEvent[]): DialogMetrics => metricsOf(foldMetrics(events));

export const assignedFor = (reason: AssignmentReason, operatorId: string, minute: number): DialogEvent => ({
  type: 'OperatorAssigned',
  data: { dialogId, operatorId, previousOperatorId: null, reason, occurredAt: iso(minute) },
});

export const unassigned = (operatorId: string, minute: number): DialogEvent => ({
  type: 'OperatorUnassigned',
  data: { dialogId, previousOperatorId: operatorId, reason: 'manual', occurredAt: iso(minute) },
});
