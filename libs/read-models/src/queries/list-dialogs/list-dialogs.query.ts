import type { Actor, DetailedStatus, GeneralStatus } from '@switchboard/dialogs';
import type { TimeRange } from '../shared/time-range';
import type { DialogListCursor } from './dialog-list-cursor';
import type { SortOrder } from '../shared/sort-order';
import type { DialogListSortKey } from './dialog-list-sort';

/**
 * The dialog list's filters. Lists match any of their values, except tags: a dialog must carry
 * every tag asked for. A boolean filter asks for its condition when true and for the opposite
 * when false; absent, it does not filter.
 */
export type DialogListFilters = Readonly<{
  generalStatuses?: readonly GeneralStatus[];
  detailedStatuses?: readonly DetailedStatus[];
  /** The assigned operator. */
  operatorIds?: readonly string[];
  unassigned?: boolean;
  assignedToMe?: boolean;
  /** Unanswered: the general status is client_waiting. */
  unanswered?: boolean;
  channels?: readonly string[];
  lineIds?: readonly string[];
  tags?: readonly string[];
  /** Words of the client's name and the public messages, all of them ('simple' configuration, no stemming). */
  text?: string;
  created?: TimeRange;
  lastChanged?: TimeRange;
  closed?: TimeRange;
  spam?: boolean;
  /** The viewer has an open reminder on the dialog that fell due (DialogReminderDue recorded). */
  reminderDue?: boolean;
}>;

export type ListDialogsQuery = Readonly<{
  viewer: Actor;
  filters: DialogListFilters;
  sort: DialogListSortKey;
  order: SortOrder;
  limit: number;
  /** Decoded already; it must have been made for this sort and order. */
  cursor?: DialogListCursor;
}>;
