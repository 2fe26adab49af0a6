import { ReadModelFreshness } from './read-model-freshness';
import { readModelSources } from './read-model-sources';
import { insertEvent, type QueryTestDatabase, setCheckpoint, startQueryTestDatabase } from '@switchboard/read-models/testing';

describe('read-model freshness', () => {
  let t: QueryTestDatabase;
  const { dialogList, dialogMessages, assignmentAudit } = readModelSources;
  const freshness = (timeoutMs: number) => new ReadModelFreshness(t.db, { timeoutMs, pollMs: 10 });
  const timed = async (work: () => Promise<boolean>) => {
    const started = Date.now();
    const fresh = await work();
    return { fresh, ms: Date.now() - started };
  };

  beforeAll(async () => {
    t = await startQueryTestDatabase();
    await insertEvent(t.pool, { position: 1, type: 'DialogOpened', streamId: 'dialog-x' });
    await insertEvent(t.pool, { position: 2, type: 'MessageSent', streamId: 'dialog-x' });
    await insertEvent(t.pool, { position: 3, type: 'OperatorRegistered', streamId: 'operator-op-a' });
    await insertEvent(t.pool, { position: 4, type: 'TagAdded', streamId: 'dialog-x' });
    await insertEvent(t.pool, { position: 5, type: 'NoteAdded', streamId: 'dialog-x' });
  });
  afterAll(() => t.close());

  it('is fresh at once when the position is applied, or when nothing the read model follows lies before it', async () => {
    await setCheckpoint(t.pool, dialogList.name, 2);
    expect(await timed(() => freshness(1000).waitFor(2n, [dialogList]))).toMatchObject({ fresh: true });
    // An operator's event: the dialog list never moves its checkpoint to it.
    const filtered = await timed(() => freshness(1000).waitFor(3n, [dialogList]));
    expect(filtered.fresh).toBe(true);
    expect(filtered.ms).toBeLessThan(500);
    // A position beyond the log holds nothing to wait for.
    await setCheckpoint(t.pool, dialogList.name, 5);
    expect(await freshness(1000).waitFor(1_000_000n, [dialogList])).toBe(true);
  });

  it('waits until the checkpoint passes the position, and gives up after the timeout', async () => {
    await setCheckpoint(t.pool, dialogList.name, 2);
    const late = timed(() => freshness(2000).waitFor(4n, [dialogList]));
    setTimeout(() => void setCheckpoint(t.pool, dialogList.name, 4), 100);
    const caughtUp = await late;
    // Fresh, so it woke on the checkpoint before its timeout, however slow the machine is.
    expect(caughtUp.fresh).toBe(true);
    expect(caughtUp.ms).toBeGreaterThanOrEqual(90);

    await setCheckpoint(t.pool, dialogList.name, 2);
    const stale = await timed(() => freshness(150).waitFor(4n, [dialogList]));
    expect(stale.fresh).toBe(false);
    expect(stale.ms).toBeGreaterThanOrEqual(120);
  });

  it('waits for every read model asked for; one that never ran has everything still to apply', async () => {
    await setCheckpoint(t.pool, dialogList.name, 5);
    expect(await freshness(100).waitFor(1n, [dialogList, assignmentAudit])).toBe(false);
    expect(await freshness(100).waitFor(0n, [dialogList, assignmentAudit])).toBe(true);
  });

  it('does not wait for a failed projection', async () => {
    await setCheckpoint(t.pool, dialogMessages.name, 2, { position: 5, type: 'NoteAdded', error: 'Error: boom' });
    const failed = await timed(() => freshness(2000).waitFor(5n, [dialogMessages]));
    expect(failed).toMatchObject({ fresh: false });
    expect(failed.ms).toBeLessThan(1000);
    expect(await freshness(2000).waitFor(2n, [dialogMessages])).toBe(true);
  });
});
