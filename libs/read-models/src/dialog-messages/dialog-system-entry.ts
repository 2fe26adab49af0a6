import { assertNever } from '@switchboard/dialogs';
import type { DialogFact } from '../facts/recorded-fact';

/** What a system entry of the chat timeline says happened. */
export const systemActions = [
  'assigned',
  'unassigned',
  'transferred_to_line',
  'transferred_to_operator',
  'taken_into_work',
  'joined',
  'left',
  'closed',
  'closed_as_spam',
  'reopened',
] as const;
export type SystemAction = (typeof systemActions)[number];

/**
 * A system entry: the action, and whom and where it concerns. Who did it is the event's actor
 * (from its metadata), kept beside it by the row.
 */
export type SystemEntry = Readonly<{
  action: SystemAction;
  /** The operator the action concerns: assigned, taken, joined, left, or who closed or reopened it. */
  operatorId: string | null;
  previousOperatorId: string | null;
  fromLineId: string | null;
  toLineId: string | null;
  /** The recorded reason (`manual`, `self`, `routing`, `operator_removed`, `awaiting_rating`...). */
  reason: string | null;
}>;

const entry = (action: SystemAction, fields: Partial<Omit<SystemEntry, 'action'>>): SystemEntry => ({
  action,
  operatorId: null,
  previousOperatorId: null,
  fromLineId: null,
  toLineId: null,
  reason: null,
  ...fields,
});

/** The dialog events that may put a system entry in the timeline. */
export const systemEntryEventTypes = [
  'OperatorAssigned',
  'OperatorUnassigned',
  'DialogTransferredToLine',
  'DialogTakenIntoWork',
  'ParticipantJoined',
  'ParticipantLeft',
  'DialogClosed',
  'DialogClosedAsSpam',
  'DialogReopened',
] as const satisfies readonly DialogFact['event']['type'][];

/**
 * The system entry a dialog event puts in the timeline, or null for one that is not shown there.
 * The assignment a take records is left out: the `DialogTakenIntoWork` right after it says it.
 */
export function systemEntryOf(event: DialogFact['event']): SystemEntry | null {
  switch (event.type) {
    case 'OperatorAssigned': {
      const { operatorId, previousOperatorId, reason } = event.data;
      if (reason === 'take') return null;
      return entry(reason === 'transfer' ? 'transferred_to_operator' : 'assigned', { operatorId, previousOperatorId, reason });
    }
    case 'OperatorUnassigned':
      return entry('unassigned', { previousOperatorId: event.data.previousOperatorId, reason: event.data.reason });
    case 'DialogTransferredToLine':
      return entry('transferred_to_line', { fromLineId: event.data.fromLineId, toLineId: event.data.toLineId });
    case 'DialogTakenIntoWork':
      return entry('taken_into_work', { operatorId: event.data.operatorId });
    case 'ParticipantJoined':
      return entry('joined', { operatorId: event.data.operatorId, reason: event.data.reason });
    case 'ParticipantLeft':
      return entry('left', { operatorId: event.data.operatorId, reason: event.data.reason });
    case 'DialogClosed':
      return entry('closed', { operatorId: event.data.closedBy, reason: event.data.awaitingRating ? 'awaiting_rating' : null });
    case 'DialogClosedAsSpam':
      return entry('closed_as_spam', { operatorId: event.data.closedBy });
    case 'DialogReopened':
      // Version 1 events name no one in data; the actor still says who.
      return entry('reopened', { operatorId: event.data.reopenedBy ?? null });
    case 'DialogOpened':
    case 'MessageSent':
    case 'NoteAdded':
    case 'TagAdded':
    case 'TagRemoved':
    case 'DialogPinned':
    case 'DialogUnpinned':
    case 'CrmLinkSet':
    case 'ClientRatedDialog':
    case 'DialogReviewed':
    case 'SavedReplyUsed':
    case 'DialogDeleted': // The timeline is dropped with a deleted dialog; no entry is left to show it.
      return null;
    default:
      return assertNever(event);
  }
}
