import { assertNever, type DialogEvent } from '@switchboard/dialogs';
import { initialDialogMetrics, type DialogMetricsState } from './dialog-metrics.state';
import { evolveAssignmentCredit } from './assignment-credit.evolve';
import { afterMessage } from './message-metrics.evolve';
import { discardOpenResponseInterval } from './response-intervals.evolve';

// Folds one event at a time, so a projection can resume from a stored state. Every recorded fact
// is accepted: facts that move no metric still move lastChangedAt.
export function evolveDialogMetrics(state: DialogMetricsState, event: DialogEvent): DialogMetricsState {
  const after = evolveTimings(state, event);
  return { ...after, credit: evolveAssignmentCredit(state, after, event) };
}

function evolveTimings(state: DialogMetricsState, event: DialogEvent): DialogMetricsState {
  const at = event.data.occurredAt;
  const changed: DialogMetricsState = { ...state, lastChangedAt: at };
  switch (event.type) {
    case 'DialogOpened':
      // A stream opens once; starting afresh, as the domain's evolve does, keeps a replay
      // deterministic even if it ever saw a second opening.
      return { ...initialDialogMetrics, createdAt: at, lastChangedAt: at, lineId: event.data.lineId };
    case 'MessageSent':
      return afterMessage(changed, event);
    case 'DialogTakenIntoWork':
      // "Started work" is the explicit take only; a first reply or an assignment is not one.
      return { ...changed, workStartedAt: changed.workStartedAt ?? at };
    case 'DialogTransferredToLine':
      return { ...changed, queuedAt: at, lineId: event.data.toLineId };
    case 'DialogClosed':
      return afterClose(changed, at, event.data.closedBy);
    case 'DialogClosedAsSpam':
      // Marking spam is not resolving the client's question, so it never counts as a close by
      // an operator; it would flatter the time to close.
      return afterClose(changed, at, null);
    case 'DialogReopened':
      // Not closed any more: the close dates wait for the next close, which then counts.
      return { ...changed, closedAt: null, closedByOperatorAt: null };
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
    case 'ClientRatedDialog':
    case 'DialogReviewed':
    case 'SavedReplyUsed':
    case 'DialogDeleted': // The list drops a deleted dialog before its fold would see this.
      return changed;
    default:
      return assertNever(event);
  }
}

// closedAt keeps the close that ended the open period: the timeout that finishes a `closing`
// dialog (or a spam mark on it) does not move it, so a dialog closed awaiting a rating gets the
// same closedAt whether the client rated it or the timeout fired.
function afterClose(state: DialogMetricsState, at: string, closedBy: string | null): DialogMetricsState {
  const unanswered = state.firstClientMessageAt !== null && state.firstOperatorReplyAt === null;
  return discardOpenResponseInterval({
    ...state,
    closedAt: state.closedAt ?? at,
    closedByOperatorAt: closedBy === null ? state.closedByOperatorAt : at,
    closedBeforeFirstReplyAt: state.closedBeforeFirstReplyAt ?? (unanswered ? at : null),
  });
}
