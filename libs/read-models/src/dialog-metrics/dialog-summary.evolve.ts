import {
  assertNever,
  generalStatusOf,
  journalStatusOf,
  nextDetailedStatus,
  type DialogEvent,
  type DialogOpened,
} from '@switchboard/dialogs';
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
      return { ...state, assigneeId: event.data.operatorId };
    case 'OperatorUnassigned':
      return { ...state, assigneeId: null };
    case 'ParticipantJoined':
      return { ...state, participants: withItem(state.participants, event.data.operatorId) };
    case 'ParticipantLeft':
      return { ...state, participants: withoutItem(state.participants, event.data.operatorId) };
    case 'DialogTransferredToLine':
      return { ...state, lineId: event.data.toLineId };
    case 'TagAdded':
      return { ...state, tags: withItem(state.tags, event.data.tag) };
    case 'TagRemoved':
      return { ...state, tags: withoutItem(state.tags, event.data.tag) };
    case 'DialogPinned':
      return { ...state, pinnedTo: event.data.operatorId };
    case 'DialogUnpinned':
      return { ...state, pinnedTo: null };
    case 'CrmLinkSet':
      return { ...state, crmLink: event.data.crmLink };
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
      return state;
    default:
      return assertNever(event);
  }
}

const withItem = (items: readonly string[], item: string): readonly string[] =>
  items.includes(item) ? items : [...items, item];

const withoutItem = (items: readonly string[], item: string): readonly string[] =>
  items.filter((existing) => existing !== item);
