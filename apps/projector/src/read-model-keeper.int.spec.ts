import { DialogListProjection } from '@switchboard/read-models';
import { type ReadModelsTestKit, startTestKit, SupportScript, writeRandomWorkload } from '@switchboard/read-models/testing';
import { current, WaitFromCreation } from '@switchboard/projector/testing';
import { ReadModelKeeper } from './read-model-keeper';

/** A deployment of a new version, as two projector processes see it: the old code and the new. */
describe('a read model keeper across a new version', () => {
  let kit: ReadModelsTestKit;
  const keepers: ReadModelKeeper[] = [];
  const keeperOf = (projection: DialogListProjection) => {
    const keeper = new ReadModelKeeper(projection, kit, kit.db.url, (runner) => void runner.start());
    keepers.push(keeper);
    return keeper;
  };
  const liveVersion = async () => (await kit.catalog.live('read-models.dialog-list'))?.version;
  const until = async (condition: () => Promise<boolean>) => {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    kit = await startTestKit();
    await writeRandomWorkload(new SupportScript(kit.store), { seed: 11, steps: 300 });
  });
  afterAll(async () => {
    await Promise.all(keepers.map((keeper) => keeper.stop()));
    await kit.close();
  });

  it('builds the new version beside the live one, switches, and the old code leaves it alone', async () => {
    const old = keeperOf(new DialogListProjection());
    await old.reconcile();
    expect(old.runner).toBeDefined();
    const listed = async () => (await kit.pool.query(`SELECT count(*)::int AS n FROM read_models.dialog_list`)).rows[0].n as number;
    await until(async () => (await listed()) > 10);

    const next = keeperOf(new WaitFromCreation());
    await next.reconcile();
    // The new code keeps the live generation current (same tables) while it builds its own.
    expect(next.runner).toBeDefined();
    await until(async () => (await liveVersion()) === current.version + 1);
    await next.reconcile();
    await old.reconcile();
    expect(old.runner).toBeUndefined();
    expect(next.runner).toBeDefined();

    // Old code, asked again and again, never builds its own version back.
    for (let i = 0; i < 3; i++) await old.reconcile();
    const generations = await kit.catalog.list('read-models.dialog-list');
    expect(generations.filter((g) => g.status === 'building')).toEqual([]);
    expect(await liveVersion()).toBe(current.version + 1);
    const { rows } = await kit.pool.query<{ mismatched: number }>(
      `SELECT count(*) FILTER (WHERE wait_for_first_reply_ms IS DISTINCT FROM
                (extract(epoch FROM first_operator_reply_at - created_at) * 1000)::bigint)::int AS mismatched
         FROM read_models.dialog_list`,
    );
    expect(rows[0].mismatched).toBe(0);
  });
});
