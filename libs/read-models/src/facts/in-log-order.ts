import type { RecordedEvent } from '@switchboard/event-store';
import { factOf, type ClientDataErasedFact, type DialogFact, type LineDeletedFact, type LineScheduleFact } from './recorded-fact';

export interface FactHandlers {
  /** A run of dialog facts with no line deletion among them, in log order. */
  dialogFacts(facts: readonly DialogFact[]): Promise<void>;
  lineDeleted(fact: LineDeletedFact): Promise<void>;
  /**
   * For a read model that counts business hours: a schedule event, between the runs of dialog
   * facts before and after it, so each run is measured under the schedules the log held then.
   * Without it, schedule events are passed over.
   */
  lineScheduleChanged?(fact: LineScheduleFact): Promise<void>;
  /**
   * For a read model that keeps personal fields: a client's erasure, after every earlier fact of
   * the batch is written, so it scrubs them too. Without it, erasures are passed over.
   */
  clientDataErased?(fact: ClientDataErasedFact): Promise<void>;
}

/**
 * Hands a batch over as runs of dialog facts, cut at each line deletion (a deletion must find
 * every earlier event of the batch in the tables) and, for a handler that takes them, at each
 * schedule event. Both are rare, so a batch is nearly always one run, written with one
 * statement per table.
 */
export async function inLogOrder(events: readonly RecordedEvent[], handlers: FactHandlers): Promise<void> {
  let run: DialogFact[] = [];
  for (const recorded of events) {
    const fact = factOf(recorded);
    if (fact === null) continue;
    if (fact.kind === 'dialog') {
      run.push(fact);
      continue;
    }
    if (fact.kind === 'line-schedule' && handlers.lineScheduleChanged === undefined) continue;
    if (fact.kind === 'client-data-erased' && handlers.clientDataErased === undefined) continue;
    if (run.length > 0) await handlers.dialogFacts(run);
    run = [];
    if (fact.kind === 'line-schedule') await handlers.lineScheduleChanged?.(fact);
    else if (fact.kind === 'client-data-erased') await handlers.clientDataErased?.(fact);
    else await handlers.lineDeleted(fact);
  }
  if (run.length > 0) await handlers.dialogFacts(run);
}
