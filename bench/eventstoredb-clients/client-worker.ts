import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as V6 from '@eventstore/db-client';

/**
 * One client, in a process of its own: both packages register their generated protobuf classes
 * on one global namespace (`proto.event_store.client...`), so whichever loads second replaces
 * the first's, and the first then fails to serialise ("getDeadline21100 is not a function").
 * The parent runs the double and sends the steps; each answers with its figures.
 */
export type Step = { step: 'writes' } | { step: 'category' } | { step: 'reads'; category: string } | { step: 'filtered'; category: string };
export type Figures = Record<string, number>;

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000);
const PAGE = 1_000;

type Position = { commit: bigint; prepare: bigint };
type Resolved = { event?: { position?: Position } };
type Client = {
  appendToStream(stream: string, events: unknown): Promise<unknown>;
  readAll(options: { fromPosition?: unknown; maxCount?: number; filter?: unknown }): AsyncIterable<Resolved>;
  readStream(stream: string): AsyncIterable<Resolved>;
  subscribeToAll(options: { fromPosition?: unknown; filter?: unknown }): AsyncIterable<Resolved> & {
    on(event: 'caughtUp', listener: () => void): unknown;
    unsubscribe(): Promise<void>;
  };
  dispose(): Promise<void>;
};
type Package = typeof V6 & { KurrentDBClient?: typeof V6.EventStoreDBClient };

const [kind, connectionString] = process.argv.slice(2);
const successor = kind === 'successor';
const load = successor && process.env.KURRENT_CLIENT_DIR ? createRequire(join(process.env.KURRENT_CLIENT_DIR, 'package.json')) : require;
const name = successor ? '@kurrent/kurrentdb-client' : '@eventstore/db-client';
const pkg = load(name) as Package;
const version = (load(`${name}/package.json`) as { version: string }).version;
// The successor's own scheme: `esdb://` still works but warns.
const client = (successor
  ? pkg.KurrentDBClient!.connectionString(connectionString.replace(/^esdb:/, 'kurrentdb:'))
  : pkg.EventStoreDBClient.connectionString(connectionString)) as unknown as Client;
const payload = { text: 'Hello, my order has not arrived yet', author: { kind: 'client', id: 'client-1' } };
const event = (type: string) => pkg.jsonEvent({ type, data: payload });
const longStream = `long-${randomUUID()}`;

async function timed(run: () => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const count = await run();
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function writes(): Promise<Figures> {
  await client.appendToStream(`warmup-${randomUUID()}`, event('Warmup'));
  const figures: Figures = {};
  figures['append, 1 writer (events/s)'] = await timed(async () => {
    for (let i = 0; i < EVENTS; i++) await client.appendToStream(`dialog-${randomUUID()}`, event('MessageSent'));
    return EVENTS;
  });
  figures['append, 8 writers (events/s)'] = await timed(async () => {
    const writer = async () => {
      for (let i = 0; i < EVENTS / 8; i++) await client.appendToStream(`dialog-${randomUUID()}`, event('MessageSent'));
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    return EVENTS;
  });
  for (let i = 0; i < PAGE; i += 100)
    await client.appendToStream(
      longStream,
      Array.from({ length: 100 }, () => event('MessageSent')),
    );
  return figures;
}

async function reads(category: string): Promise<Figures> {
  const figures: Figures = {};
  figures['readAll in pages of 1,000 (records/s)'] = await timed(async () => {
    let records = 0;
    let from: unknown = pkg.START;
    for (;;) {
      let page = 0;
      let last: Position | undefined;
      for await (const resolved of client.readAll({ fromPosition: from, maxCount: PAGE + 1 })) {
        page += 1;
        last = resolved.event?.position ?? last;
      }
      records += page - (from === pkg.START ? 0 : 1);
      if (page <= PAGE || !last) return records;
      from = last;
    }
  });
  figures['readStream of 1,000 events (events/s)'] = await timed(async () => {
    let events = 0;
    for (let i = 0; i < 5; i++) for await (const _ of client.readStream(longStream)) events += 1;
    return events;
  });
  figures['catch-up subscription to the end (records/s)'] = await timed(async () => untilCaughtUp(client.subscribeToAll({ fromPosition: pkg.START })));
  figures['filtered read of a category past 20,000 links (reads/s)'] = await timed(async () => {
    for (let i = 0; i < 5; i++) await filtered(category);
    return 5;
  });
  return figures;
}

/**
 * How the adapter reads one category to the end of the log: v6's readAll cannot filter, so a
 * filtered subscription ended when the server says it caught up; the successor's readAll filters.
 */
async function filtered(category: string): Promise<number> {
  const filter = pkg.streamNameFilter({ prefixes: [`${category}-`] });
  let found = 0;
  if (successor) {
    for await (const _ of client.readAll({ fromPosition: pkg.START, maxCount: PAGE, filter })) found += 1;
  } else {
    found = await untilCaughtUp(client.subscribeToAll({ fromPosition: pkg.START, filter }));
  }
  if (found !== 1) throw new Error(`${name}: the filtered read found ${found} events, not 1`);
  return found;
}

async function untilCaughtUp(subscription: ReturnType<Client['subscribeToAll']>): Promise<number> {
  let records = 0;
  const caughtUp = new Promise<void>((resolve) => subscription.on('caughtUp', resolve));
  const counting = (async () => {
    for await (const resolved of subscription) if (resolved.event) records += 1;
  })();
  await caughtUp;
  await subscription.unsubscribe();
  await counting.catch(() => undefined);
  return records;
}

async function run(step: Step): Promise<unknown> {
  switch (step.step) {
    case 'writes':
      return writes();
    case 'category': {
      const category = `wanted${randomUUID().slice(0, 8)}`;
      await client.appendToStream(`${category}-1`, event('DialogOpened'));
      return category;
    }
    case 'reads':
      return reads(step.category);
    case 'filtered':
      return filtered(step.category);
    default: {
      const never: never = step;
      throw new Error(`unknown step ${JSON.stringify(never)}`);
    }
  }
}

process.send?.({ ready: `${name} ${version}` });
process.on('message', (step: Step) => {
  run(step).then(
    (result) => process.send?.({ result }),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
process.on('disconnect', () => void client.dispose().finally(() => process.exit(0)));
