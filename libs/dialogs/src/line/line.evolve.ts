import { assertNever } from '../shared/assert-never';
import type { LineEvent } from './line.events';
import type { LineState } from './line.state';

export function evolveLine(state: LineState, event: LineEvent): LineState {
  if (event.type === 'LineCreated') {
    return {
      exists: true,
      lineId: event.data.lineId,
      routingMode: event.data.routingMode,
      operatorIds: event.data.operatorIds,
      deleted: false,
      lastRoutedOperatorId: null,
      lastRoutedDialogId: null,
      schedule: null,
    };
  }
  // A stream never starts with anything else; tolerating it keeps replays from crashing.
  if (!state.exists) return state;
  switch (event.type) {
    case 'LineDeleted':
      return { ...state, deleted: true };
    case 'DialogRouted':
      return { ...state, lastRoutedOperatorId: event.data.operatorId, lastRoutedDialogId: event.data.dialogId };
    case 'LineScheduleSet': {
      const { timeZone, weekly, holidays } = event.data;
      return { ...state, schedule: { timeZone, weekly, holidays } };
    }
    case 'LineScheduleCleared':
      return { ...state, schedule: null };
    default:
      return assertNever(event);
  }
}
