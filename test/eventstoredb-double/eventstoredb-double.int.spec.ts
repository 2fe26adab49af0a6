import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { eventually } from '@switchboard/testing';
import { collect, conflictOf, event, namer, record, summary, targets } from './spec-support';

/**
 * The official client against the double, in both append modes, or against a real server when
 * EVENTSTOREDB_URL is set (see docs/architecture.md). Only this run's streams and event types are asserted
 * on, so the suite can share a server's log.
 */
describe.each(targets())('EventStoreDB protocol against $name', (target) => {
  let stop: () => Promise<void>;
  let client: EventStoreDBClient;
  const name = namer();

  beforeAll(async () => {
    const server = await target.start();
    stop = () => server.stop();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await stop();
  });

  const ours = (events: AllStreamResolvedEvent[], streams: string[]) => events.filter((e) => streams.includes(e.event?.streamId ?? ''));
  const before = (a: Position, b: Position) => a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);

  it('appends with each expected revision and answers a wrong one with expected and actual revisions', async () => {
    const stream = name('order');
    const created = await client.appendToStream(stream, event('Opened'), { expectedRevision: NO_STREAM });
    expect(created.nextExpectedRevision).toBe(0n);
    await conflictOf(client.appendToStream(stream, event('Opened'), { expectedRevision: NO_STREAM }), NO_STREAM, 0n);

    const second = await client.appendToStream(stream, event('Changed'), { expectedRevision: 0n });
    expect(second.nextExpectedRevision).toBe(1n);
    expect(before(created.position!, second.position!)).toBe(true);
    await conflictOf(client.appendToStream(stream, event('Changed'), { expectedRevision: 0n }), 0n, 1n);
    await conflictOf(client.appendToStream(stream, event('Changed'), { expectedRevision: 5n }), 5n, 1n);

    expect((await client.appendToStream(stream, event('Changed'), { expectedRevision: STREAM_EXISTS })).nextExpectedRevision).toBe(2n);
    expect((await client.appendToStream(stream, [event('A'), event('B')], { expectedRevision: ANY })).nextExpectedRevision).toBe(4n);

    const missing = name('order');
    await conflictOf(client.appendToStream(missing, event('Changed'), { expectedRevision: STREAM_EXISTS }), STREAM_EXISTS, NO_STREAM);
    await conflictOf(client.appendToStream(missing, event('Changed'), { expectedRevision: 0n }), 0n, NO_STREAM);
    expect((await client.appendToStream(missing, event('Opened'), { expectedRevision: ANY })).nextExpectedRevision).toBe(0n);
  });

  it('deduplicates a retried append by event id and refuses a partial retry', async () => {
    const stream = name('retry');
    const [a, b, c] = [event('A'), event('B'), event('C')];
    const original = await client.appendToStream(stream, [a, b], { expectedRevision: NO_STREAM });

    // Same ids at the same expected revision, or with `any`: the original result, nothing appended.
    expect(await client.appendToStream(stream, [a, b], { expectedRevision: NO_STREAM })).toEqual(original);
    expect(await client.appendToStream(stream, [a, b], { expectedRevision: ANY })).toEqual(original);
    await client.appendToStream(stream, c, { expectedRevision: 1n });
    expect((await client.appendToStream(stream, b, { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);

    await conflictOf(client.appendToStream(stream, [a, event('X')], { expectedRevision: NO_STREAM }), NO_STREAM, 2n);
    const stored = await collect(client.readStream(stream));
    expect(stored.map((e) => e.event?.id)).toEqual([a.id, b.id, c.id]);
  });

  it('refuses an append larger than the default maximum append size of 1 MiB, appending nothing', async () => {
    const stream = name('large');
    const halfMiB = 'x'.repeat(512 * 1024);
    const error: unknown = await client.appendToStream(stream, [event('Big', { halfMiB }), event('Big', { halfMiB })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaxAppendSizeExceededError);
    expect((error as MaxAppendSizeExceededError).maxAppendSize).toBe(1024 * 1024);
    await expect(collect(client.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads a stream forwards and backwards from a revision, with a count', async () => {
    const stream = name('doc');
    const appended = [0, 1, 2, 3, 4].map((n) => event(`E${n}`, { n }, { m: n }));
    await client.appendToStream(stream, appended, { expectedRevision: NO_STREAM });
    const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
      (await collect(client.readStream(stream, options))).map((e) => e.event?.revision);

    const [first] = await collect(client.readStream(stream, { fromRevision: 1n, maxCount: 1 }));
    expect(first.event).toMatchObject({ streamId: stream, id: appended[1].id, type: 'E1', revision: 1n, data: { n: 1 }, metadata: { m: 1 }, isJson: true });
    expect(Math.abs(first.event!.created.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await revisions({ direction: FORWARDS, fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: 3n, maxCount: 2 })).toEqual([3n, 2n]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: END, maxCount: 1 })).toEqual([4n]);
    expect(await revisions({ direction: FORWARDS, fromRevision: START })).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await revisions({ direction: FORWARDS, fromRevision: END })).toEqual([]);
    await expect(collect(client.readStream(name('never')))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads $all in commit order, forwards from a position inclusive and backwards exclusive', async () => {
    const [x, y] = [name('all'), name('all')];
    await client.appendToStream(x, event('X0'), { expectedRevision: NO_STREAM });
    await client.appendToStream(y, event('Y0'), { expectedRevision: NO_STREAM });
    await client.appendToStream(x, event('X1'), { expectedRevision: 0n });

    const all = await collect(client.readAll({ fromPosition: START }));
    for (const [i, resolved] of all.entries()) {
      expect(resolved.event?.position?.commit).toBe(resolved.commitPosition);
      if (i > 0) expect(before(all[i - 1].event!.position, resolved.event!.position)).toBe(true);
    }
    const mine = ours(all, [x, y]);
    expect(mine.map(summary)).toEqual([`${x}:0:X0`, `${y}:0:Y0`, `${x}:1:X1`]);

    const at = mine[1].event!.position;
    expect(ours(await collect(client.readAll({ fromPosition: at, maxCount: 100 })), [x, y])[0]).toEqual(mine[1]);
    expect(ours(await collect(client.readAll({ fromPosition: at, direction: BACKWARDS, maxCount: 100 })), [x, y])[0]).toEqual(mine[0]);
    const newestFirst = ours(await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 100 })), [x, y]);
    expect(newestFirst.map(summary)).toEqual([`${x}:1:X1`, `${y}:0:Y0`, `${x}:0:X0`]);
  });

  it('filters $all on the server by event type and by stream name, as prefixes or a regex', async () => {
    const tag = name('t');
    const [cart1, cart2, other] = [`cart${tag}-1`, `cart${tag}-2`, `other${tag}-1`];
    await client.appendToStream(cart1, [event(`Added${tag}`), event(`Removed${tag}`)]);
    await client.appendToStream(cart2, event(`Added${tag}`));
    await client.appendToStream(other, event(`Added${tag}`));

    const caughtUp = async (filter: Parameters<EventStoreDBClient['subscribeToAll']>[0]) => {
      const subscription = client.subscribeToAll(filter);
      const events = await record(subscription).caughtUp;
      await subscription.unsubscribe();
      return events.map(summary);
    };
    expect(await caughtUp({ filter: eventTypeFilter({ prefixes: [`Added${tag}`] }) })).toEqual([
      `${cart1}:0:Added${tag}`,
      `${cart2}:0:Added${tag}`,
      `${other}:0:Added${tag}`,
    ]);
    expect(await caughtUp({ filter: streamNameFilter({ prefixes: [`cart${tag}-`] }) })).toEqual([
      `${cart1}:0:Added${tag}`,
      `${cart1}:1:Removed${tag}`,
      `${cart2}:0:Added${tag}`,
    ]);
    expect(await caughtUp({ filter: eventTypeFilter({ regex: `^Removed${tag}$` }) })).toEqual([`${cart1}:1:Removed${tag}`]);
    expect(await caughtUp({ filter: streamNameFilter({ regex: `^cart${tag}-2$` }) })).toEqual([`${cart2}:0:Added${tag}`]);
  });

  it('subscribes to $all from the start: catches up, says caught up, then delivers live events', async () => {
    const prefix = name('live');
    await client.appendToStream(`${prefix}-a`, [event('First'), event('Second')]);
    const subscription = client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ prefixes: [prefix] }) });
    const recorded = record(subscription);
    expect((await recorded.caughtUp).map(summary)).toEqual([`${prefix}-a:0:First`, `${prefix}-a:1:Second`]);

    await client.appendToStream(`${prefix}-b`, event('Third'));
    await eventually(() => recorded.events.length === 3, 'the live event');
    expect(summary(recorded.events[2])).toBe(`${prefix}-b:0:Third`);
    expect(before(recorded.events[1].event!.position, recorded.events[2].event!.position)).toBe(true);
    await subscription.unsubscribe();
  });

  it('subscribes to $all from a position (exclusive) and from the end', async () => {
    const stream = name('from');
    await client.appendToStream(stream, [event('P0'), event('P1'), event('P2')]);
    const [p0] = await collect(client.readStream(stream, { maxCount: 1 }));

    const fromPosition = client.subscribeToAll({ fromPosition: p0.event!.position!, filter: streamNameFilter({ prefixes: [stream] }) });
    expect((await record(fromPosition).caughtUp).map(summary)).toEqual([`${stream}:1:P1`, `${stream}:2:P2`]);
    await fromPosition.unsubscribe();

    const fromEnd = client.subscribeToAll({ fromPosition: END });
    const recorded = record(fromEnd);
    await recorded.caughtUp;
    await client.appendToStream(stream, event('P3'), { expectedRevision: 2n });
    await eventually(() => ours(recorded.events, [stream]).length === 1, 'the event appended after subscribing');
    expect(ours(recorded.events, [stream]).map(summary)).toEqual([`${stream}:3:P3`]);
    await fromEnd.unsubscribe();
  });

  it('reports checkpoints while a filter skips events, at increasing positions', async () => {
    const stream = name('skipped');
    // Over twice the 32-event window, so checkpoints must fall inside this stretch.
    await client.appendToStream(
      stream,
      Array.from({ length: 70 }, (_, n) => event('Skipped', { n })),
    );
    const [firstSkipped] = await collect(client.readStream(stream, { maxCount: 1 }));
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({ prefixes: [`Nothing${stream}`], checkpointInterval: 1, checkpointReached: (_s, position) => void checkpoints.push(position) }),
    });
    expect(await record(subscription).caughtUp).toEqual([]);
    await subscription.unsubscribe();
    expect(checkpoints.length).toBeGreaterThan(0);
    for (let i = 1; i < checkpoints.length; i += 1) expect(before(checkpoints[i], checkpoints[i - 1])).toBe(false);
    expect(before(checkpoints[checkpoints.length - 1], firstSkipped.event!.position!)).toBe(false);
  });
});
