import { alwaysOpen, withScheduleEvent, type ScheduleTimeline } from '../../business-hours';
import { foldDialogList, type FoldedDialog } from '../../dialog-list/dialog-list.fold';
import type { DialogFact, LineScheduleFact } from '../../facts/recorded-fact';

/**
 * The facts that had happened by `asOf` (included), judged by the time the metrics subtract:
 * the event's occurredAt. The domain refuses time going back within a stream, so these are the
 * stream's first facts; cutting at the first later one also keeps the fold on a prefix of the
 * stream should that ever not hold.
 */
export function factsUpTo(facts: readonly DialogFact[], asOf: Date): readonly DialogFact[] {
  const cut = facts.findIndex((fact) => Date.parse(fact.event.data.occurredAt) > asOf.getTime());
  return cut === -1 ? facts : facts.slice(0, cut);
}

/**
 * The dialog as it stood at `asOf`, folded by the dialog list's own fold, so a past view and the
 * list can never disagree on a status or a metric. Undefined when it was not opened yet.
 *
 * `schedules` are the schedule events of the dialog's lines. As the projection does, they are
 * taken in log order between the dialog's facts, so each business-hours value is measured under
 * the schedules the log held when its interval ended. Those in force only after `asOf` are left
 * out; they could not change a value measured by then anyway. A dialog folded on its own starts
 * from nothing: no stored state, no deletion to honour (the handler answers 404 for a deleted
 * dialog before it reads the log).
 */
export function foldDialogAsOf(
  dialogId: string,
  facts: readonly DialogFact[],
  asOf: Date,
  schedules: readonly LineScheduleFact[] = [],
): FoldedDialog | undefined {
  const inForce = schedules.filter((fact) => Date.parse(fact.event.data.occurredAt) <= asOf.getTime());
  const timelines = new Map<string, ScheduleTimeline>();
  let dialog: FoldedDialog | undefined;
  let run: DialogFact[] = [];
  const foldRun = () => {
    if (run.length === 0) return;
    const listed = new Map(dialog === undefined ? [] : [[dialogId, dialog]]);
    const changes = foldDialogList(run, { listed, deleted: new Set(), schedules: new Map(timelines) });
    dialog = changes.dialogs.find((folded) => folded.dialogId === dialogId) ?? dialog;
    run = [];
  };
  for (const fact of inLogOrder([...factsUpTo(facts, asOf), ...inForce])) {
    if (fact.kind === 'dialog') {
      run.push(fact);
      continue;
    }
    foldRun();
    timelines.set(fact.lineId, withScheduleEvent(timelines.get(fact.lineId) ?? alwaysOpen, fact.event));
  }
  foldRun();
  return dialog;
}

const inLogOrder = <Fact extends { position: bigint }>(facts: readonly Fact[]): Fact[] =>
  [...facts].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
