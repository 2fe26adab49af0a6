import type { Actor } from '@switchboard/dialogs';
import type { SqlParams } from '../shared/read-database';
import { timeRangeConditions } from '../shared/time-range';
import type { DialogListFilters } from './list-dialogs.query';

/** The WHERE conditions of the filters, on read_models.dialog_list aliased `d`; every value is a parameter. */
export function dialogListFilterConditions(filters: DialogListFilters, viewer: Actor, params: SqlParams): string[] {
  const conditions: string[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values !== undefined && values.length > 0) conditions.push(`d.${column} = ANY(${params.add(values, 'text[]')})`);
  };
  const either = (flag: boolean | undefined, yes: string, no: string) => {
    if (flag !== undefined) conditions.push(flag ? yes : no);
  };

  anyOf('general_status', filters.generalStatuses);
  anyOf('detailed_status', filters.detailedStatuses);
  anyOf('assignee_id', filters.operatorIds);
  anyOf('channel', filters.channels);
  anyOf('line_id', filters.lineIds);
  if (filters.tags !== undefined && filters.tags.length > 0) conditions.push(`d.tags @> ${params.add(filters.tags, 'text[]')}`);

  either(filters.unassigned, 'd.assignee_id IS NULL', 'd.assignee_id IS NOT NULL');
  if (filters.assignedToMe !== undefined) {
    const me = params.add(viewer.id, 'text');
    conditions.push(filters.assignedToMe ? `d.assignee_id = ${me}` : `d.assignee_id IS DISTINCT FROM ${me}`);
  }
  either(filters.unanswered, `d.general_status = 'client_waiting'`, `d.general_status <> 'client_waiting'`);
  either(filters.spam, 'd.is_spam', 'NOT d.is_spam');
  if (filters.reminderDue !== undefined) {
    // A reminder is its owner's alone: whoever asks sees the dialogs of their own due reminders.
    const due = `EXISTS (SELECT 1 FROM read_models.reminders r
      WHERE r.dialog_id = d.dialog_id::uuid AND r.operator_id = ${params.add(viewer.id, 'text')} AND r.status = 'open' AND r.fell_due_at IS NOT NULL)`;
    conditions.push(filters.reminderDue ? due : `NOT ${due}`);
  }

  // The vector holds the client's name and the public messages, stripped of positions; the
  // 'simple' configuration matches it, so words of any language are found as written.
  if (filters.text !== undefined) conditions.push(`d.search @@ plainto_tsquery('simple', ${params.add(filters.text, 'text')})`);

  conditions.push(
    ...timeRangeConditions('d.created_at', filters.created, params),
    ...timeRangeConditions('d.last_changed_at', filters.lastChanged, params),
    ...timeRangeConditions('d.closed_at', filters.closed, params),
  );
  return conditions;
}
