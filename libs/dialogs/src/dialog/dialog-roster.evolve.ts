import type { DialogEvent } from './dialog.events';
import type { CrmLink } from './dialog.values';

/**
 * Who and what a dialog is attached to: its line, assignee, participants, tags, pin and CRM
 * link. The write model and the dialog list both keep these, from the same events.
 */
export type DialogRoster = Readonly<{
  lineId: string;
  assigneeId: string | null;
  participants: readonly string[];
  tags: readonly string[];
  pinnedTo: string | null;
  crmLink: CrmLink | null;
}>;

/** Applies the event if it changes the roster; any other event leaves the state as it is. */
export function evolveRoster<State extends DialogRoster>(state: State, event: DialogEvent): State {
  switch (event.type) {
    case 'OperatorAssigned':
      return { ...state, assigneeId: event.data.operatorId };
    case 'OperatorUnassigned':
      return { ...state, assigneeId: null };
    case 'ParticipantJoined':
      return { ...state, participants: withItem(state.participants, event.data.operatorId) };
    case 'ParticipantLeft':
      return { ...state, participants: state.participants.filter((x) => x !== event.data.operatorId) };
    case 'DialogTransferredToLine':
      return { ...state, lineId: event.data.toLineId };
    case 'TagAdded':
      return { ...state, tags: withItem(state.tags, event.data.tag) };
    case 'TagRemoved':
      return { ...state, tags: state.tags.filter((x) => x !== event.data.tag) };
    case 'DialogPinned':
      return { ...state, pinnedTo: event.data.operatorId };
    case 'DialogUnpinned':
      return { ...state, pinnedTo: null };
    case 'CrmLinkSet':
      return { ...state, crmLink: event.data.crmLink };
    default:
      return state;
  }
}

const withItem = (items: readonly string[], item: string): readonly string[] => (items.includes(item) ? items : [...items, item]);
