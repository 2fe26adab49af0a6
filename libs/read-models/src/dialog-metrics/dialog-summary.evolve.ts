import { assertNever, evolveRoster, generalStatusOf, journalStatusOf, nextDetailedStatus, type DialogEvent, type DialogOpened } from '@switchboard/dialogs';
import type { DialogSummaryState, OpenedDialogSummary } from './dialog-summary.state';

export function evolveDialogSummary(state: DialogSummaryState, event: DialogEvent): DialogSummaryState {
  if (event.type === 'DialogOpened') return openedSummary(event);
  // A stream never starts with anything else; ignoring such a fact keeps a replay from crashing.
  if (!state.exists) return state;
  // The domain's own status table, fed the author of the last public message before this event,
  // so the list shows exactly the status the write model reasoned about.
  const detailedStatus = nextDetailedStatus(state.detailedStatus, event, {
    lastPublicAuthorKind: state.lastPublicAuthorKind,
  });
  const next = applyFact(state, event);
  return {
    ...next,
    detailedStatus,
    generalStatus: generalStatusOf(detailedStatus),
    journalStatus: journalStatusOf(detailedStatus, next.assigneeId),
    isSpam: detailedStatus === 'spam',
  };
}

function openedSummary(event: DialogOpened): OpenedDialogSummary {
  const { data } = event;
  return {
    exists: true,
    dialogId: data.dialogId,
    direction: data.direction,
    channel: data.channel,
    lineId: data.lineId,
    client: { id: data.client.id, name: data.client.name },
    pageUrl: data.pageUrl,
    formFilled: data.formFilled,
    historyRequested: data.historyRequested,
    previousDialogId: data.previousDialogId,
    detailedStatus: 'new',
    generalStatus: generalStatusOf('new'),
    journalStatus: journalStatusOf('new', null),
    isSpam: false,
    assigneeId: null,
    participants: [],
    tags: [],
    pinnedTo: null,
    crmLink: null,
    clientRating: null,
    review: null,
    lastPublicAuthorKind: null,
  };
}

// Statuses are derived for every event in evolveDialogSummary; this applies the rest.
function applyFact(state: OpenedDialogSummary, event: DialogEvent): OpenedDialogSummary {
  switch (event.type) {
    case 'MessageSent':
      return { ...state, lastPublicAuthorKind: event.data.author.kind };
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
      return { ...state, clientRating: { rating: event.data.rating, comment: event.data.comment } };
    case 'DialogReviewed': {
      const { reviewerId, score, comment } = event.data;
      return { ...state, review: { reviewerId, score, comment } };
    }
    case 'DialogOpened':
    case 'NoteAdded':
    case 'DialogTakenIntoWork':
    case 'DialogClosed':
    case 'DialogClosedAsSpam':
    case 'DialogReopened':
    case 'SavedReplyUsed':
    case 'DialogDeleted': // The list drops a deleted dialog before its fold would see this.
      return state;
    default:
      return assertNever(event);
  }
}
