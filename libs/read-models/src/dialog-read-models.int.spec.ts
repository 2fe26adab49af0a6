import type { LogFilter, RecordedEvent } from '@switchboard/event-store';
import { ProjectionRunner, projectionInto, type ProjectionTransaction } from '@switchboard/projections';
import {
  allProjections,
  catchUp,
  inTransaction,
  live as liveOf,
  nextGenerations,
  readMatching,
  type ReadModelProjection,
  type ReadModelsTestKit,
  rebuild,
  snapshotReadModels,
  startTestKit,
  SupportScript,
  switchOver,
  waitForCheckpoint,
  writeRandomWorkload,
  writeReminderWorkload,
  writeSavedReplyWorkload,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

/** A real projection that fails after writing chosen batches: a crash in the middle of a batch. */
class CrashingProjection implements ReadModelProjection {
  readonly name: string;
  readonly filter: LogFilter | undefined;
  readonly readModel: ReadModelProjection['readModel'];
  crashes = 0;
  private handled = 0;

  constructor(
    private readonly inner: ReadModelProjection,
    private readonly crashAt: ReadonlySet<number>,
  ) {
    this.name = inner.name;
    this.filter = inner.filter;
    this.readModel = inner.readModel;
  }

  async handle(events: readonly RecordedEvent[], tx: ProjectionTransaction): Promise<void> {
    await this.inner.handle(events, tx);
    this.handled++;
    if (!this.crashAt.has(this.handled)) return;
    this.crashes++;
    throw new Error(`crash after writing batch ${this.handled}`);
  }
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('dialog read models, live and rebuilt', () => {
  let kit: ReadModelsTestKit;
  let live: Record<string, unknown[]>;
  const projections = allProjections();

  beforeAll(async () => {
    kit = await startTestKit();
    // Live: the runners follow the log in tiny batches while every command appends on its own.
    const bound = await liveOf(kit, projections);
    const runners = bound.map((projection) => new ProjectionRunner(projection, kit.store, kit.pool, kit.checkpoints, { batchSize: 3 }));
    await Promise.all(runners.map((runner) => runner.start()));
    const script = new SupportScript(kit.store);
    await writeSupportScenario(script);
    await writeRandomWorkload(script, { seed: 20240301, steps: 1000 });
    await writeSavedReplyWorkload(script);
    await writeReminderWorkload(script);
    await Promise.all(bound.map((projection) => waitForCheckpoint(kit, projection)));
    await Promise.all(runners.map((runner) => runner.stop()));
    live = await snapshotReadModels(kit.pool);
  });
  afterAll(() => kit.close());

  it('built read models worth comparing', () => {
    for (const table of [
      'dialog_list',
      'dialog_messages',
      'status_history',
      'assignment_audit',
      'response_intervals',
      'assignment_responses',
      'saved_replies',
      'saved_reply_uses',
      'reminders',
    ]) {
      expect(live[table].length).toBeGreaterThan(30);
    }
    expect(live.dialog_list_deleted.length).toBeGreaterThan(1);
  });

  it('deleted some dialogs on their own, besides those of the deleted line', async () => {
    const { rows } = await kit.pool.query(`SELECT count(*)::int AS n FROM event_store.events WHERE type = 'DialogDeleted'`);
    expect(rows[0].n).toBeGreaterThan(1);
    const tombstones = live.dialog_list_deleted as { line_id: string }[];
    expect(tombstones.filter((row) => row.line_id !== 'east').length).toBeGreaterThan(0);
  });

  it('measured business hours under the schedules the workload set', () => {
    expect(live.line_schedules.length).toBeGreaterThan(1);
    const shorter = (rows: unknown[], calendar: string, business: string) =>
      (rows as Record<string, number | null>[]).filter((row) => row[business] !== null && row[business] < row[calendar]!).length;
    expect(shorter(live.response_intervals, 'duration_ms', 'business_duration_ms')).toBeGreaterThan(5);
    expect(shorter(live.dialog_list, 'duration_ms', 'duration_business_ms')).toBeGreaterThan(5);
    expect(shorter(live.dialog_list, 'wait_for_first_reply_ms', 'wait_for_first_reply_business_ms')).toBeGreaterThan(0);
  });

  it('rebuilt from the first event in large batches, equal the incrementally built ones', async () => {
    await rebuild(kit, projections, 5000);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });

  it('rebuilt one event per batch, equal them too', async () => {
    await rebuild(kit, projections, 1);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });

  it('rebuilt one at a time, leave the others alone and equal them again', async () => {
    for (const projection of allProjections()) {
      await rebuild(kit, [projection], 64);
      expect(await snapshotReadModels(kit.pool)).toEqual(live);
    }
  });

  it('count nothing twice after crashes in the middle of batches', async () => {
    const crashing = allProjections().map((projection) => new CrashingProjection(projection, new Set([2, 5, 9])));
    await catchUp(kit, await nextGenerations(kit, crashing), 40);
    expect(crashing.map((projection) => projection.crashes)).toEqual(crashing.map(() => 3));
    await switchOver(kit, crashing);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });

  it('count nothing twice when the process stops between batches and starts again', async () => {
    const [projection] = await nextGenerations(kit, [allProjections()[0]]);
    const generation = (await kit.catalog.list(allProjections()[0].name)).find((g) => g.status === 'building')!;
    const last = (await readMatching(kit, projection.filter)).at(-1)?.position ?? 0n;
    let processes = 0;
    for (;;) {
      const before = (await kit.checkpoints.load(projection.name)).position ?? -1n;
      if (before >= last) break;
      // A new process: a new projection instance and runner, resuming from the checkpoint, and
      // stopped as soon as it committed a batch or two.
      const runner = new ProjectionRunner(projectionInto(allProjections()[0], generation), kit.store, kit.pool, kit.checkpoints, { batchSize: 50 });
      await runner.start();
      while (((await kit.checkpoints.load(projection.name)).position ?? -1n) === before) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await runner.stop();
      processes++;
    }
    expect(processes).toBeGreaterThan(5);
    await switchOver(kit, [allProjections()[0]]);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });

  it('change nothing when a batch is applied twice, at once or long after', async () => {
    for (const projection of await nextGenerations(kit, projections)) {
      const events = await readMatching(kit, projection.filter);
      let applied: bigint | undefined;
      for (const batch of chunks(events, 37)) {
        await inTransaction(kit, async (tx) => {
          await projection.handle(batch, tx);
          await projection.handle(batch, tx);
          await kit.checkpoints.advance(tx, projection.name, applied, batch[batch.length - 1].position);
        });
        applied = batch[batch.length - 1].position;
      }
    }
    await switchOver(kit, projections);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
    // The whole log once more, in other batches, past the line deletion too.
    for (const projection of await liveOf(kit, projections)) {
      for (const batch of chunks(await readMatching(kit, projection.filter), 101)) {
        await inTransaction(kit, (tx) => projection.handle(batch, tx));
      }
    }
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });
});
