import {
  evolveBusinessTimings,
  evolveDialogMetrics,
  initialBusinessTimings,
  evolveDialogSummary,
  initialDialogMetrics,
  initialDialogSummary,
  measureUnder,
  type BusinessTimingsState,
  type DialogMetricsState,
  type DialogSummaryState,
  type LineTimelines,
  type OpenedDialogSummary,
} from '../dialog-metrics';
import { assignmentResponsesChangedBy, type AssignmentResponseRow } from '../assignment-responses/assignment-response.row';
import type { DialogFact } from '../facts/recorded-fact';
import { responseIntervalsClosedBy, type ResponseIntervalRow } from '../response-intervals/response-interval.row';
import { statusChangeOf, type StatusChangeRow } from '../status-history/status-change.row';
import type { DialogTombstone } from './deleted-dialogs.writer';
import { searchTextOf } from './dialog-list.row';
import type { ListedDialog } from './listed-dialog';

/** What the tables already hold about the dialogs of a run of facts. */
export type KnownDialogs = Readonly<{
  listed: ReadonlyMap<string, ListedDialog>;
  deleted: ReadonlySet<string>;
  // The schedule timelines, as the log holds them at the facts, of the lines the dialogs are or
  // move in; a line left out is always open.
  schedules: LineTimelines;
}>;

export type FoldedDialog = ListedDialog & Readonly<{ searchTexts: readonly string[] }>;

/** Everything a run of facts changes in the dialog list and the tables fed by its fold. */
export type DialogListChanges = Readonly<{
  // Only dialogs that some fact moved: a batch applied again rewrites nothing.
  dialogs: readonly FoldedDialog[];
  // Dialogs new to the list, in log order of their opening, which is the order of their numbers.
  opened: readonly string[];
  statusChanges: readonly StatusChangeRow[];
  responseIntervals: readonly ResponseIntervalRow[];
  // In log order; a period changed twice appears twice, the later change last.
  assignmentResponses: readonly AssignmentResponseRow[];
  // Dialogs deleted by this run: their rows, earlier or from this run, are the projection's to drop.
  deleted: readonly DialogTombstone[];
}>;

interface WorkingDialog {
  dialogId: string;
  number: number | null;
  summary: DialogSummaryState;
  metrics: DialogMetricsState;
  lastPosition: bigint;
  searchTexts: string[];
  business: BusinessTimingsState;
}

/**
 * Folds dialog facts, in log order, onto the states the list holds: one pass yields the list
 * rows, the status changes and the closed response intervals. A fact at or before a dialog's
 * last folded position was applied already and is skipped; so are facts of deleted dialogs, and
 * facts of a dialog whose opening the log does not hold (nothing to attach them to). A deletion
 * ends a dialog's fold: it leaves the list's rows (a number it took stays taken, as it would
 * have been had the deletion come in a later batch) and is reported as deleted.
 */
export function foldDialogList(facts: readonly DialogFact[], known: KnownDialogs): DialogListChanges {
  const working = new Map<string, WorkingDialog>();
  const opened: string[] = [];
  const statusChanges: StatusChangeRow[] = [];
  const responseIntervals: ResponseIntervalRow[] = [];
  const assignmentResponses: AssignmentResponseRow[] = [];
  const deleted: DialogTombstone[] = [];
  const deletedNow = new Set<string>();
  const measure = measureUnder(known.schedules);

  for (const fact of facts) {
    if (known.deleted.has(fact.dialogId) || deletedNow.has(fact.dialogId)) continue;
    const dialog = working.get(fact.dialogId) ?? startFrom(known.listed.get(fact.dialogId), fact.dialogId);
    if (fact.position <= dialog.lastPosition) continue;
    if (fact.event.type === 'DialogDeleted') {
      if (!dialog.summary.exists) continue;
      const { dialogId, occurredAt } = fact.event.data;
      deleted.push({ dialogId, lineId: dialog.summary.lineId, position: fact.position, deletedAt: occurredAt });
      deletedNow.add(dialogId);
      working.delete(dialogId);
      continue;
    }
    const summary = evolveDialogSummary(dialog.summary, fact.event);
    if (!summary.exists) continue;
    const metrics = evolveDialogMetrics(dialog.metrics, fact.event);
    const business = evolveBusinessTimings(dialog.business, dialog.metrics, metrics, measure);

    if (dialog.number === null && !dialog.summary.exists) opened.push(fact.dialogId);
    const statusChange = statusChangeOf(dialog.summary, summary, fact);
    if (statusChange !== null) statusChanges.push(statusChange);
    responseIntervals.push(...responseIntervalsClosedBy(dialog.metrics, metrics, fact, business));
    assignmentResponses.push(...assignmentResponsesChangedBy(dialog.metrics, metrics, fact));
    const searchText = searchTextOf(fact.event);
    if (searchText !== null) dialog.searchTexts.push(searchText);

    dialog.summary = summary;
    dialog.metrics = metrics;
    dialog.lastPosition = fact.position;
    dialog.business = business;
    working.set(fact.dialogId, dialog);
  }

  return { dialogs: [...working.values()].filter(isOpened), opened, statusChanges, responseIntervals, assignmentResponses, deleted };
}

function startFrom(listed: ListedDialog | undefined, dialogId: string): WorkingDialog {
  if (listed === undefined) {
    return {
      dialogId,
      number: null,
      summary: initialDialogSummary,
      metrics: initialDialogMetrics,
      lastPosition: -1n,
      searchTexts: [],
      business: initialBusinessTimings,
    };
  }
  return { ...listed, searchTexts: [] };
}

const isOpened = (dialog: WorkingDialog): dialog is WorkingDialog & { summary: OpenedDialogSummary } => dialog.summary.exists;
