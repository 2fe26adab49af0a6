import type { AssignmentReason, DialogClosed, DialogEvent, MessageSent } from '@switchboard/dialogs';
import {
  at,
  botWrote,
  clientWrote,
  dialogClosed,
  dialogClosedAsSpam,
  dialogId,
  dialogOpened,
  iso,
  operatorAssignedAt,
  operatorWrote,
} from '@switchboard/dialogs/testing';
import { evolveDialogMetrics } from '../dialog-metrics/dialog-metrics.evolve';
import { initialDialogMetrics, type DialogMetricsState } from '../dialog-metrics/dialog-metrics.state';
import { metricsOf, type DialogMetrics } from '../dialog-metrics/dialog-metrics.view';

// One dialog's timeline for the metric folds' unit specs, in minutes since the domain fixtures'
// start; the events are the domain fixtures' own, named as these specs read them.
export { dialogId, iso };

export const ms = (minutes: number): number => minutes * 60_000;

// For the rare spec that needs millisecond precision rather than whole minutes.
export const atMs = <E extends DialogEvent>(event: E, msSinceStart: number): E => ({
  ...event,
  data: { ...event.data, occurredAt: new Date(at(0).getTime() + msSinceStart).toISOString() },
});

export const opened = dialogOpened;
export const client = (minute: number): MessageSent => clientWrote(minute, `client-${minute}`);
export const operator = (operatorId: string, minute: number): MessageSent => operatorWrote(operatorId, minute, `operator-${minute}`);
export const bot = (minute: number): MessageSent => botWrote(minute, `bot-${minute}`);

export const note = (minute: number): DialogEvent => ({
  type: 'NoteAdded',
  data: { dialogId, noteId: `n-${minute}`, operatorId: 'op-1', text: 'internal', occurredAt: iso(minute) },
});

export const assigned = (operatorId: string, minute: number): DialogEvent => operatorAssignedAt(operatorId, minute, 'first_reply');

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

export const closed = (minute: number, options: { closedBy?: string | null; awaitingRating?: boolean } = {}): DialogClosed =>
  dialogClosed(minute, options.awaitingRating ?? false, options.closedBy === undefined ? 'op-1' : options.closedBy);

export const closedAsSpam = (minute: number): DialogEvent => dialogClosedAsSpam(minute);

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

export const assignedFor = (reason: AssignmentReason, operatorId: string, minute: number): DialogEvent => operatorAssignedAt(operatorId, minute, reason);

export const unassigned = (operatorId: string, minute: number): DialogEvent => ({
  type: 'OperatorUnassigned',
  data: { dialogId, previousOperatorId: operatorId, reason: 'manual', occurredAt: iso(minute) },
});
