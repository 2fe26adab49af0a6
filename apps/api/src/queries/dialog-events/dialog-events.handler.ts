import { assertNever, type Actor } from '@switchboard/dialogs';
import { verifyStream, type EventStore, type RecordedEvent, type StreamChainReport } from '@switchboard/event-store';
import { dialogScopeOf, isDialogVisible, type ReadDatabase } from '@switchboard/read-models/queries';

export interface DialogEventsQuery {
  viewer: Actor;
  dialogId: string;
  fromRevision: bigint;
  limit: number;
  verify: boolean;
}

/** One recorded event as an auditor sees it: bigints as decimal text, metadata as stored. */
export interface RawEventView {
  eventId: string;
  type: string;
  revision: string;
  position: string;
  recordedAt: string;
  data: RecordedEvent['data'];
  metadata: RecordedEvent['metadata'];
}

export interface ChainView {
  intact: boolean;
  events: number;
  unchained: number;
  lastRevision: string | null;
  lastHash: string | null;
  firstBreak: { revision: string; eventId: string; position: string; reason: string; expected: string | null; found: string | null; detail: string } | null;
}

export interface DialogEventsPage {
  dialogId: string;
  streamId: string;
  items: RawEventView[];
  /** `fromRevision` of the next page; null on the last one. */
  nextFromRevision: string | null;
  /** The whole stream's chain, when asked for with `verify=true`. */
  chain?: ChainView;
}

/**
 * The raw events of a dialog's stream, read from the log itself (not a read model), for
 * auditors. Who may see the dialog follows GET /dialogs/{id}: operators only their own, unassigned
 * and joined dialogs (decided on the dialog list); readers of every dialog go by the stream, so a
 * dialog the read models dropped (its line was deleted) still shows its events.
 */
export class DialogEventsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly db: ReadDatabase,
    // The chain covers the bytes as stored (personal fields sealed), not the events as shown.
    private readonly sealed: EventStore = store,
  ) {}

  /** Undefined when there is no such dialog, or not one the viewer may see. */
  async execute(query: DialogEventsQuery): Promise<DialogEventsPage | undefined> {
    const streamId = `dialog-${query.dialogId}`;
    if (!(await this.mayView(query))) return undefined;
    const rows = await this.store.readStream(streamId, { fromRevision: query.fromRevision, maxCount: query.limit + 1 });
    if (rows.length === 0 && !(await this.exists(streamId))) return undefined;
    const kept = rows.slice(0, query.limit);
    const page: DialogEventsPage = {
      dialogId: query.dialogId,
      streamId,
      items: kept.map(toView),
      nextFromRevision: rows.length > query.limit ? (kept[kept.length - 1].revision + 1n).toString() : null,
    };
    if (query.verify) page.chain = toChainView(await verifyStream(this.sealed, streamId));
    return page;
  }

  private async mayView({ viewer, dialogId }: DialogEventsQuery): Promise<boolean> {
    const scope = dialogScopeOf(viewer);
    switch (scope) {
      case 'any':
        return true;
      case 'none':
        return false;
      case 'own':
        return isDialogVisible(this.db, dialogId, scope, viewer.id);
      default:
        return assertNever(scope);
    }
  }

  private async exists(streamId: string): Promise<boolean> {
    return (await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 })).length > 0;
  }
}

const toView = (e: RecordedEvent): RawEventView => ({
  eventId: e.id,
  type: e.type,
  revision: e.revision.toString(),
  position: e.position.toString(),
  recordedAt: e.recordedAt.toISOString(),
  data: e.data,
  metadata: e.metadata,
});

function toChainView(report: StreamChainReport): ChainView {
  const b = report.broken;
  return {
    intact: b === null,
    events: report.events,
    unchained: report.unchained,
    lastRevision: report.lastRevision?.toString() ?? null,
    lastHash: report.lastHash,
    firstBreak:
      b === null
        ? null
        : {
            revision: b.revision.toString(),
            eventId: b.eventId,
            position: b.position.toString(),
            reason: b.reason,
            expected: b.expected,
            found: b.found,
            detail: b.detail,
          },
  };
}
