import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@switchboard/event-store';
import { eventually } from '@switchboard/testing';
import { EventLogStreams } from '@switchboard/api/event-log/event-log-streams';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { SseClient } from './support/sse-client';
import { bearer, tokenFor } from './support/tokens';

const RETRY_MS = 500;
const MAX_STREAMS = 3;

/** GET /events with Accept: text/event-stream: live, resumable, bounded for slow readers. */
describe('GET /events as server-sent events', () => {
  let edge: EdgeTestApp;
  let store: EventStore;
  let streams: EventLogStreams;
  const admin = tokenFor('admin', 'admin-1');
  const http = () => request(edge.app.getHttpServer());
  const connect = (sub: string, query = '', headers: Record<string, string> = {}) =>
    SseClient.connect(edge.app, `/events${query}`, { Authorization: bearer(tokenFor('service', sub)), ...headers });
  /** Events of a type no projection reads, so the projector beside the API stays out of the way. */
  const append = (count: number, padBytes = 0): Promise<unknown> =>
    store.appendToStream(
      `loadtest-${randomUUID()}`,
      Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'LoadTestFact', data: { n, pad: 'x'.repeat(padBytes) } })),
      { expectedRevision: 'any' },
    );
  const head = async (): Promise<string> => String((await store.headPosition()) ?? 0n);
  const logAfter = async (after: string): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for (let from = BigInt(after); ;) {
      const batch = await store.readAll({ after: from, maxCount: 1000 });
      if (batch.length === 0) return all;
      all.push(...batch);
      from = batch[batch.length - 1].position;
    }
  };

  beforeAll(async () => {
    edge = await startEdgeTestApp({ EVENTS_HEARTBEAT_MS: '100', EVENTS_RETRY_MS: String(RETRY_MS), EVENTS_MAX_STREAMS_PER_PRINCIPAL: String(MAX_STREAMS) });
    store = edge.app.get<EventStore>(EVENT_STORE);
    streams = edge.app.get(EventLogStreams);
  });
  afterAll(() => edge.stop());

  it('sends each event with its position as id and its type as event, after a retry hint, then live ones as they are appended', async () => {
    const from = await head();
    await append(3);
    const client = await connect('live', `?from=${from}`);
    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers['cache-control']).toBe('no-cache, no-transform');
    expect(client.response.headers['x-accel-buffering']).toBe('no');
    expect(client.response.headers['content-encoding']).toBeUndefined();
    await client.until(() => client.events.length === 3);
    expect(client.retry).toBe(RETRY_MS);
    const recorded = await logAfter(from);
    expect(client.events).toEqual(recorded.map((e) => ({ id: e.position.toString(), event: 'LoadTestFact', data: expect.any(String) })));
    const first = JSON.parse(client.events[0].data) as Record<string, unknown>;
    expect(first).toEqual({
      id: recorded[0].id,
      type: 'LoadTestFact',
      streamId: recorded[0].streamId,
      revision: '0',
      position: recorded[0].position.toString(),
      data: { n: 0, pad: '' },
      metadata: { previousHash: null, hash: recorded[0].metadata.hash },
      recordedAt: recorded[0].recordedAt.toISOString(),
    });
    await append(1);
    await client.until(() => client.events.length === 4);
    client.close();
  });

  it('keeps an idle stream alive with heartbeat comments', async () => {
    const client = await connect('idle', `?from=${await head()}`);
    await client.until(() => client.comments.length >= 3, 5_000);
    expect(client.comments.slice(0, 3)).toEqual(['heartbeat', 'heartbeat', 'heartbeat']);
    expect(client.events).toEqual([]);
    client.close();
  });

  it('applies the type and category filters live', async () => {
    const from = await head();
    const byType = await connect('filtered', `?from=${from}&types=OperatorRegistered,LineDeleted`);
    const byCategory = await connect('filtered', `?from=${from}&category=line`);
    await http()
      .post('/lines')
      .set({ Authorization: bearer(admin) })
      .send({ lineId: 'sales', name: 'Sales', routingMode: 'manual' })
      .expect(201);
    await append(2);
    for (const operatorId of ['op-x', 'op-y']) {
      await http()
        .post('/operators')
        .set({ Authorization: bearer(admin) })
        .send({ operatorId, name: operatorId, lineIds: ['sales'] })
        .expect(201);
    }
    await byType.until(() => byType.events.length === 2);
    await byCategory.until(() => byCategory.events.length === 1);
    expect(byType.events.map((e) => [e.event, (JSON.parse(e.data) as { streamId: string }).streamId])).toEqual([
      ['OperatorRegistered', 'operator-op-x'],
      ['OperatorRegistered', 'operator-op-y'],
    ]);
    expect(byCategory.events.map((e) => e.event)).toEqual(['LineCreated']);
    byType.close();
    byCategory.close();
  });

  it('moves a filtered client past the events its filter skipped, so that it resumes from there', async () => {
    const rare = await connect('rare', `?from=${await head()}&types=OperatorRegistered`);
    await append(3);
    const skipped = BigInt(await head());
    await rare.until(() => rare.lastEventId !== undefined && BigInt(rare.lastEventId) >= skipped);
    expect(rare.events).toEqual([]);
    rare.close();

    const resumed = await connect('rare', '?types=OperatorRegistered', { 'Last-Event-ID': rare.lastEventId as string });
    await http()
      .post('/operators')
      .set({ Authorization: bearer(admin) })
      .send({ operatorId: 'op-rare', name: 'Rare', lineIds: [] })
      .expect(201);
    await resumed.until(() => resumed.events.length === 1);
    expect(JSON.parse(resumed.events[0].data)).toMatchObject({ type: 'OperatorRegistered', streamId: 'operator-op-rare' });
    expect(BigInt(resumed.events[0].id as string)).toBeGreaterThan(skipped);
    resumed.close();
  });

  it('misses and repeats nothing across disconnects, resuming from Last-Event-ID while writers keep appending', async () => {
    const from = await head();
    let writing = true;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      for (let i = 0; i < 30; i++) {
        await append(1 + ((i + w) % 3));
        await sleep(w % 3);
      }
    });
    const allWritten = Promise.all(writers).then(() => (writing = false));
    const received: { id?: string; data: string }[] = [];
    let reconnects = 0;
    let reconnectsWhileWriting = 0;
    let total = Infinity;
    void allWritten.then(async () => (total = (await logAfter(from)).length));
    while (received.length < total) {
      const lastEventId = received.at(-1)?.id;
      // The URL keeps its first `from`, as an EventSource's does; the header must win over it.
      const client = await connect('reconnecting', `?from=${from}`, lastEventId ? { 'Last-Event-ID': lastEventId } : {});
      const wanted = 5 + (reconnects % 4) * 7;
      await client.until(() => client.events.length >= wanted || received.length + client.events.length >= total, 30_000).catch(() => undefined);
      client.close();
      received.push(...client.events);
      reconnects++;
      if (writing) reconnectsWhileWriting++;
    }
    await allWritten;
    const log = await logAfter(from);
    expect(log).toHaveLength(6 * 30 * 2);
    expect(received.map((e) => e.id)).toEqual(log.map((e) => e.position.toString()));
    expect(received.map((e) => (JSON.parse(e.data) as { id: string }).id)).toEqual(log.map((e) => e.id));
    expect(reconnectsWhileWriting).toBeGreaterThanOrEqual(5);
  });

  it('stops reading the log while a client does not read, and delivers everything once it does', async () => {
    const from = await head();
    const count = 4_000;
    for (let i = 0; i < count; i += 500) await append(500, 4_096);
    const client = await connect('slow-reader', `?from=${from}&limit=50`);
    client.pause();
    const [stream] = streams.openOf('service:slow-reader');
    // Stalled: the stream waits for the client to take what was sent, far from the end (what it
    // stops at is the socket buffers' worth, about 4 MB here), and has read nothing for a while:
    // early on it waits too, for a moment, until the socket takes the bytes. Once stalled the
    // store reads nothing, so the count stays put.
    let seen = -1;
    for (let tries = 0; !(stream.waitingForClient && stream.received === seen) && tries < 60; tries++) {
      seen = stream.received;
      await sleep(500);
    }
    await sleep(1_000);
    expect(stream.waitingForClient).toBe(true);
    expect(stream.received).toBe(seen);
    expect(stream.received).toBeLessThan(count / 2);
    client.resume();
    await client.until(() => client.events.length === count, 60_000);
    expect(client.events.map((e) => e.id)).toEqual((await logAfter(from)).map((e) => e.position.toString()));
    expect(stream.received).toBe(count);
    client.close();
  });

  it('releases the subscription when the client goes away, also one waiting for a slow reader', async () => {
    const idle = await connect('leaver', `?from=${await head()}`);
    const stuck = await connect('leaver', '?limit=50');
    stuck.pause();
    await eventually(() => streams.openOf('service:leaver').length === 2, "both of the leaver's streams are open", 20_000);
    const [idleStream, stuckStream] = streams.openOf('service:leaver');
    await sleep(500);
    idle.close();
    stuck.close();
    await eventually(() => streams.openOf('service:leaver').length === 0, "the leaver's streams are closed", 5_000);
    const counts = [idleStream.received, stuckStream.received];
    await append(3);
    await sleep(300);
    expect([idleStream.received, stuckStream.received]).toEqual(counts);
  });

  it('allows a principal so many open streams, each process, and refuses one more with 429', async () => {
    const from = `?from=${await head()}`;
    const open = await Promise.all(Array.from({ length: MAX_STREAMS }, () => connect('greedy', from)));
    const refused = await connect('greedy', from);
    expect(refused.response.statusCode).toBe(429);
    expect(refused.response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.response.headers['retry-after']).toBe('1');
    expect(JSON.parse(await refused.text())).toMatchObject({ status: 429, code: 'too_many_streams' });
    const other = await connect('modest', from);
    expect(other.response.statusCode).toBe(200);
    open[0].close();
    await eventually(() => streams.openOf('service:greedy').length === MAX_STREAMS - 1, "the greedy reader's streams are open", 20_000);
    const again = await connect('greedy', from);
    expect(again.response.statusCode).toBe(200);
    for (const client of [...open, other, again]) client.close();
  });

  it('answers bad parameters and roles with a problem before any stream starts', async () => {
    const sse = (query: Record<string, string>, headers: Record<string, string> = {}, token = tokenFor('service', 'bad')) =>
      http()
        .get('/events')
        .query(query)
        .set({ Authorization: bearer(token), Accept: 'text/event-stream', ...headers });
    expectFieldError(await sse({ types: 'Nope' }), 'types');
    expectFieldError(await sse({ limit: '5000' }), 'limit');
    expect(expectFieldError(await sse({}, { 'Last-Event-ID': 'abc' }), 'Last-Event-ID')[0]).toMatch(/log position/);
    expectProblem(await sse({}, {}, tokenFor('operator', 'op-x')), 403, 'role_not_allowed');
    expectProblem(await sse({}, {}, tokenFor('supervisor', 'sup-1')), 403, 'role_not_allowed');
    expect(streams.openOf('service:bad')).toEqual([]);
  });
});

describe('GET /events streams at shutdown', () => {
  it('are ended, so the application stops while clients are connected', async () => {
    const edge = await startEdgeTestApp({ EVENTS_HEARTBEAT_MS: '100' });
    const client = await SseClient.connect(edge.app, '/events', { Authorization: bearer(tokenFor('auditor', 'aud-1')) });
    await client.until(() => client.comments.length > 0);
    await edge.stop();
    await client.until(() => client.ended, 2_000);
  });
});
