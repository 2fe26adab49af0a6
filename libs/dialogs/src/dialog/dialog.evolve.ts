import { assertNever } from '../shared/assert-never';
import { evolveRoster } from './dialog-roster.evolve';
import type { DialogEvent, DialogOpened } from './dialog.events';
import type { DialogState, ExistingDialogState } from './dialog.state';
import { lifecycleOf, nextDetailedStatus } from './dialog.status';

export function evolveDialog(state: DialogState, event: DialogEvent): DialogState {
  if (event.type === 'DialogOpened') return openedState(event);
  // A stream never starts with anything else; tolerating it keeps replays from crashing.
  if (!state.exists) return state;
  const detailedStatus = nextDetailedStatus(state.detailedStatus, event, {
    lastPublicAuthorKind: state.lastPublicAuthorKind,
  });
  return {
    ...applyFact(state, event),
    detailedStatus,
    status: lifecycleOf(detailedStatus),
    isSpam: detailedStatus === 'spam',
    lastOccurredAt: new Date(event.data.occurredAt),
  };
}

function openedState(event: DialogOpened): ExistingDialogState {
  const { data } = event;
  return {
    exists: true,
    dialogId: data.dialogId,
    status: 'open',
    detailedStatus: 'new',
    isSpam: false,
    lineId: data.lineId,
    channel: data.channel,
    clientId: data.client.id,
    clientName: data.client.name ?? null,
    assigneeId: null,
    participants: [],
    tags: [],
    pinnedTo: null,
    crmLink: null,
    hasClientRating: false,
    lastPublicAuthorKind: null,
    lastOccurredAt: new Date(data.occurredAt),
    messageIds: new Set(),
    noteIds: new Set(),
    deleted: false,
  };
}

// Status and time are derived for every event in evolveDialog; this applies the rest.
function applyFact(state: ExistingDialogState, event: DialogEvent): ExistingDialogState {
  switch (event.type) {
    case 'MessageSent':
      return {
        ...state,
        messageIds: new Set(state.messageIds).add(event.data.messageId),
        lastPublicAuthorKind: event.data.author.kind,
      };
    case 'NoteAdded':
      return { ...state, noteIds: new Set(state.noteIds).add(event.data.noteId) };
    case 'OperatorAssigned':
    case 'OperatorUnassigned':
    case 'ParticipantJoined':
    case 'ParticipantLeft':
    case 'DialogTransferredToLine':
    case 'TagAdded':
    case 'TagRemoved':
    case 'DialogPinned':
    case 'DialogUnpinned':
    case 'CrmLinkSet':
      return evolveRoster(state, event);
    case 'ClientRatedDialog':
      return { ...state, hasClientRating: true };
    case 'DialogDeleted':
      return { ...state, deleted: true };
    case 'DialogOpened':
    case 'DialogTakenIntoWork':
    case 'DialogClosed':
    case 'DialogClosedAsSpam':
    case 'DialogReopened':
    case 'DialogReviewed':
    case 'SavedReplyUsed':
      return state;
    default:
      return assertNever(event);
  }
}
