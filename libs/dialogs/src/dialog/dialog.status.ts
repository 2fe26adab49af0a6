import { assertNever } from '../shared/assert-never';
import type { DialogEvent } from './dialog.events';
import type { PublicAuthorKind } from './dialog.values';

export type DetailedStatus =
  'new' | 'queued' | 'in_work' | 'client_waiting' | 'client_waiting_new_question' | 'operator_answered' | 'closing' | 'closed' | 'spam';

export type GeneralStatus = 'client_waiting' | 'operator_answered' | 'closed';

export type JournalStatus = 'unassigned' | 'active' | 'inactive';

// The coarse lifecycle the write model decides on: `closing` already refuses work.
export type DialogLifecycle = 'open' | 'closing' | 'closed';

export type DetailedStatusContext = Readonly<{
  // Author of the last public message before the event being applied.
  lastPublicAuthorKind: PublicAuthorKind | null;
}>;

// The write model and every read model call this one function, so the status a screen shows is
// the status the decider reasoned about, on live traffic and on replay alike.
export function nextDetailedStatus(current: DetailedStatus, event: DialogEvent, context: DetailedStatusContext): DetailedStatus {
  switch (event.type) {
    case 'DialogOpened':
      return 'new';
    case 'MessageSent':
      return afterMessage(current, event.data.author.kind);
    case 'DialogTakenIntoWork':
      return 'in_work';
    case 'DialogTransferredToLine':
      return 'queued';
    case 'DialogClosed':
      return event.data.awaitingRating ? 'closing' : 'closed';
    case 'DialogClosedAsSpam':
      return 'spam';
    case 'DialogReopened':
      return context.lastPublicAuthorKind === 'operator' ? 'operator_answered' : 'client_waiting';
    case 'ClientRatedDialog':
      return current === 'closing' ? 'closed' : current;
    case 'NoteAdded':
    case 'OperatorAssigned':
    case 'OperatorUnassigned':
    case 'ParticipantJoined':
    case 'ParticipantLeft':
    case 'TagAdded':
    case 'TagRemoved':
    case 'DialogPinned':
    case 'DialogUnpinned':
    case 'CrmLinkSet':
    case 'DialogReviewed':
    case 'DialogDeleted':
    case 'SavedReplyUsed':
      return current;
    default:
      return assertNever(event);
  }
}

function afterMessage(current: DetailedStatus, author: PublicAuthorKind): DetailedStatus {
  switch (author) {
    case 'operator':
      return 'operator_answered';
    case 'bot':
      return current;
    case 'client':
      return afterClientMessage(current);
    default:
      return assertNever(author);
  }
}

function afterClientMessage(current: DetailedStatus): DetailedStatus {
  switch (current) {
    case 'operator_answered':
      return 'client_waiting_new_question';
    case 'in_work':
    case 'queued':
      return 'client_waiting';
    case 'new':
    case 'client_waiting':
    case 'client_waiting_new_question':
    case 'closing':
    case 'closed':
    case 'spam':
      return current;
    default:
      return assertNever(current);
  }
}

export function generalStatusOf(detailed: DetailedStatus): GeneralStatus {
  switch (detailed) {
    case 'operator_answered':
      return 'operator_answered';
    case 'closing':
    case 'closed':
    case 'spam':
      return 'closed';
    case 'new':
    case 'queued':
    case 'in_work':
    case 'client_waiting':
    case 'client_waiting_new_question':
      return 'client_waiting';
    default:
      return assertNever(detailed);
  }
}

export function lifecycleOf(detailed: DetailedStatus): DialogLifecycle {
  switch (detailed) {
    case 'closing':
      return 'closing';
    case 'closed':
    case 'spam':
      return 'closed';
    case 'new':
    case 'queued':
    case 'in_work':
    case 'client_waiting':
    case 'client_waiting_new_question':
    case 'operator_answered':
      return 'open';
    default:
      return assertNever(detailed);
  }
}

export function journalStatusOf(detailed: DetailedStatus, assigneeId: string | null): JournalStatus {
  if (lifecycleOf(detailed) !== 'open') return 'inactive';
  return assigneeId === null ? 'unassigned' : 'active';
}
