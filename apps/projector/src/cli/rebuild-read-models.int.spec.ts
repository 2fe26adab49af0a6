import { Pool } from 'pg';
import { supervisorActor } from '@switchboard/dialogs/testing';
import {
  catchUp,
  live,
  type ReadModelsTestKit,
  startTestKit,
  SupportScript,
  writeRandomWorkload,
  writeSupportScenario,
} from '@switchboard/read-models/testing';
import { current, WaitFromCreation } from '@switchboard/projector/testing';
import { ProjectionRunner } from '@switchboard/projections';
import { DialogListProjection } from '@switchboard/read-models';
import { ListDialogsHandler, readDatabaseOf } from '@switchboard/read-models/queries';
import { rebuildReadModels } from './rebuild-read-models';

/** New dialogs on a line of the workload, each with a client's first message. */
async function openDialogsWhileRebuilding(script: SupportScript, count: number): Promise<void> {
  const gateway = { kind: 'service', id: 'telegram-gateway' } as const;
  for (let i = 0; i < count; i++) {
    const dialogId = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const minute = 100_000 + i;
    await script.dialog(
      { type: 'OpenDialog', data: { dialogId, direction: 'inbound', channel: 'telegram', lineId: 'north', client: { id: `late-${i}` } } },
      { actor: gateway, minute },
    );
    await script.dialog(
      { type: 'SendMessage', data: { dialogId, messageId: `m-${i}`, author: { kind: 'client' }, text: 'hello' } },
      { actor: gateway, minute },
    );
  }
}

type Answer = Readonly<{ at: number; count: number; waits: string }>;

describe('rebuilding a read model without downtime', () => {
  let kit: ReadModelsTestKit;
  let list: ListDialogsHandler;
  let script: SupportScript;
  const waitsNow = async (pool: Pool) =>
    (
      await pool.query<{ waits: string }>(
        `SELECT coalesce(string_agg(dialog_id || '=' || coalesce(wait_for_first_reply_ms::text, '-'), ',' ORDER BY dialog_id), '') AS waits FROM read_models.dialog_list`,
      )
    ).rows[0].waits;

  beforeAll(async () => {
    kit = await startTestKit();
    const db = readDatabaseOf(kit.pool);
    list = new ListDialogsHandler(db);
    script = new SupportScript(kit.store);
    await writeSupportScenario(script);
    await writeRandomWorkload(script, { seed: 7, steps: 600 });
    await catchUp(kit, [new DialogListProjection()]);
  });
  afterAll(() => kit.close());

  it('serves the old version until the switch, then the new numbers for all of history, and never fails or answers empty', async () => {
    const before = await waitsNow(kit.pool);
    const answers: Answer[] = [];
    const failures: unknown[] = [];
    let rebuilding = true;
    // Readers hammer the list the way the API does while the new version is built.
    const readers = Array.from({ length: 3 }, async () => {
      while (rebuilding) {
        try {
          const page = await list.execute({ viewer: supervisorActor, filters: {}, sort: 'lastChangedAt', order: 'desc', limit: 500 });
          answers.push({ at: Date.now(), count: page.items.length, waits: await waitsNow(kit.pool) });
        } catch (error) {
          failures.push(error);
        }
      }
    });
    const [summary] = await rebuildReadModels(kit.store, kit.db.url, ['read-models.dialog-list'], {
      projections: [new WaitFromCreation()],
      batchSize: 40,
      quiet: true,
    });
    rebuilding = false;
    await Promise.all(readers);

    const after = await waitsNow(kit.pool);
    expect(failures).toEqual([]);
    expect(summary).toMatchObject({ projection: 'read-models.dialog-list', generation: 2 });
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.every((a) => a.count > 0)).toBe(true);
    // Every answer is the old version or the new one, and once the new one showed, the old never came back.
    const versions = answers.map((a) => (a.waits === before ? 1 : a.waits === after ? 2 : 0));
    expect(versions).not.toContain(0);
    expect(versions.indexOf(1)).toBe(0);
    expect(versions.slice(versions.indexOf(2))).not.toContain(1);
    expect(after).not.toEqual(before);

    // The new definition holds for every dialog of the history, not only for those written since.
    const { rows } = await kit.pool.query<{ mismatched: number; measured: number }>(
      `SELECT count(*) FILTER (WHERE wait_for_first_reply_ms IS DISTINCT FROM
                (extract(epoch FROM first_operator_reply_at - created_at) * 1000)::bigint)::int AS mismatched,
              count(wait_for_first_reply_ms)::int AS measured
         FROM read_models.dialog_list`,
    );
    expect(rows[0]).toEqual({ mismatched: 0, measured: expect.any(Number) });
    expect(rows[0].measured).toBeGreaterThan(10);

    // The old generation is dropped, its history kept.
    const generations = await kit.catalog.list('read-models.dialog-list');
    expect(generations.map((g) => [g.generation, g.version, g.status])).toEqual([
      [1, current.version, 'dropped'],
      [2, current.version + 1, 'live'],
    ]);
    const schemas = await kit.pool.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [generations[0].schema]);
    expect(schemas.rowCount).toBe(0);
  });

  it('keeps the live version following the log during the build, and the new one catches up before it takes over', async () => {
    const countNow = async () => (await kit.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM read_models.dialog_list`)).rows[0].n;
    const [bound] = await live(kit, [new WaitFromCreation()]);
    const runner = new ProjectionRunner(bound, kit.store, kit.pool, kit.checkpoints, { batchSize: 5 });
    await runner.start();
    const listedBefore = await countNow();
    // The build waits at its first batch until the live generation has shown the new dialogs.
    const gated = new GatedBuild();
    const rebuilding = rebuildReadModels(kit.store, kit.db.url, ['read-models.dialog-list'], {
      projections: [gated],
      batchSize: 40,
      quiet: true,
    });
    try {
      await openDialogsWhileRebuilding(script, 60);
      const deadline = Date.now() + 20_000;
      while ((await countNow()) < listedBefore + 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await countNow()).toBe(listedBefore + 60);
      expect((await kit.catalog.live('read-models.dialog-list'))?.generation).toBe(2);
    } finally {
      gated.open();
      await rebuilding.catch(() => undefined);
      await runner.stop();
    }
    const [summary] = await rebuilding;
    expect(summary.generation).toBe(3);

    await catchUp(kit, [new WaitFromCreation()]);
    const opened = await kit.store.readAll({ maxCount: 100_000, filter: { eventTypes: ['DialogOpened'] } });
    const listed = await kit.pool.query<{ dialog_id: string }>(
      `SELECT dialog_id FROM read_models.dialog_list UNION SELECT dialog_id FROM read_models.dialog_list_deleted`,
    );
    expect(new Set(listed.rows.map((r) => r.dialog_id))).toEqual(new Set(opened.map((e) => String(e.data.dialogId))));
  });
});

/** The new version, whose build holds its first batch until the test opens the gate. */
class GatedBuild extends WaitFromCreation {
  open!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  override async handle(...args: Parameters<WaitFromCreation['handle']>): Promise<void> {
    await this.gate;
    await super.handle(...args);
  }
}
