import { dialogStreamName, lineStreamName, type Actor } from '@switchboard/dialogs';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import { factOf, type DialogFact, type LineScheduleFact } from '../../facts/recorded-fact';
import { linesOfDialogs } from '../../line-schedules/lines-of-dialogs';
import { GetDialogHandler } from '../get-dialog/get-dialog.handler';
import type { DialogView } from '../list-dialogs/dialog-view';
import type { ReadDatabase } from '../shared/read-database';
import { foldDialogAsOf } from './dialog-as-of.fold';
import { dialogViewOfFolded } from './dialog-as-of.view';

export type GetDialogAsOfQuery = Readonly<{ viewer: Actor; dialogId: string; asOf: Date }>;

export type DialogAsOf =
  | Readonly<{ kind: 'found'; dialog: DialogView }>
  // No such dialog, deleted with its line, or not one the reader may see: answered alike.
  | Readonly<{ kind: 'not_found' }>
  | Readonly<{ kind: 'not_opened_yet'; openedAt: string }>;

/**
 * One dialog as it stood at an instant, folded from its own stream rather than read from the
 * list, with the list's fold. The list row still decides what the reader may see, as
 * GET /dialogs/{id} does: judged by the dialog as it is now, so a reader never sees a past state
 * of a dialog that is no longer theirs (the safer rule), and a dialog deleted with its line stays
 * gone. It also gives the number, which never changes.
 */
export class GetDialogAsOfHandler {
  private readonly current: GetDialogHandler;

  constructor(
    db: ReadDatabase,
    private readonly log: EventStore,
  ) {
    this.current = new GetDialogHandler(db);
  }

  async execute({ viewer, dialogId, asOf }: GetDialogAsOfQuery): Promise<DialogAsOf> {
    const now = await this.current.execute({ viewer, dialogId });
    if (now === undefined) return { kind: 'not_found' };
    const facts = dialogFactsOf(await this.log.readStream(dialogStreamName(dialogId)));
    const dialog = foldDialogAsOf(dialogId, facts, asOf, await this.schedulesOfLines(linesOfDialogs(facts, [])));
    if (dialog !== undefined) return { kind: 'found', dialog: dialogViewOfFolded(dialog, now.number) };
    // The list holds the dialog, so its stream opens with it.
    return facts.length === 0 ? { kind: 'not_found' } : { kind: 'not_opened_yet', openedAt: facts[0].event.data.occurredAt };
  }

  /** The schedule events of every line the dialog was in, as the lines' streams recorded them. */
  private async schedulesOfLines(lineIds: readonly string[]): Promise<LineScheduleFact[]> {
    const streams = await Promise.all(lineIds.map((lineId) => this.log.readStream(lineStreamName(lineId))));
    return streams
      .flat()
      .map(factOf)
      .filter((fact): fact is LineScheduleFact => fact?.kind === 'line-schedule');
  }
}

const dialogFactsOf = (events: readonly RecordedEvent[]): DialogFact[] => events.map(factOf).filter((fact): fact is DialogFact => fact?.kind === 'dialog');
