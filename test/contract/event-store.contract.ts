import { randomUUID } from 'node:crypto';
import {
  ANY,
  AppendResult,
  EventStore,
  IdempotencyConflictError,
  NO_STREAM,
  RecordedEvent,
  STREAM_EXISTS,
  WrongExpectedRevisionError,
} from '@switchboard/event-store';
import { describeAvailabilityContract } from './availability.contract';
import { events, newEvent, readAllUntil, waitFor, type ContractCapabilities, type ContractSubject } from './contract-subject';
import { describeFollowContract } from './follow.contract';
import { describeLogHeadContract } from './log-head.contract';

export { events, newEvent, readAllUntil, waitFor, type ContractCapabilities, type ContractSubject } from './contract-subject';

/**
 * The behaviour every event-store adapter must have, written once. An adapter's spec calls
 * `describeEventStoreContract` with a factory giving a store over an empty log.
 */
export function describeEventStoreContract(
  adapter: string,
  connect: () => Promise<ContractSubject>,
  capabilities: ContractCapabilities = { refusesPartlyReusedIds: true },
): void {
  describe(`event store contract: ${adapter}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await connect();
      store = subject.store;
    });
    afterAll(() => subject.cleanup());

    const stream = (category = 'dialog') => `${category}-${randomUUID()}`;
    const added = capabilities.addsMetadata ?? {};

    describe('append and read a stream', () => {
      it('records every field of an event', async () => {
        const id = stream();
        const event = newEvent('DialogOpened', { channel: 'telegram' }, { actor: 'op-1' });
        const result = await store.appendToStream(id, [event], { expectedRevision: NO_STREAM });
        const [recorded] = await store.readStream(id);
        expect(recorded).toEqual({
          id: event.id,
          type: 'DialogOpened',
          streamId: id,
          revision: 0n,
          position: result.position,
          data: { channel: 'telegram' },
          metadata: { actor: 'op-1', ...added },
          recordedAt: expect.any(Date),
        });
        expect(result.nextRevision).toBe(0n);
        expect(Math.abs(recorded.recordedAt.getTime() - Date.now())).toBeLessThan(60_000);
      });

      it('numbers revisions from 0 and reads forwards and backwards from a revision', async () => {
        const id = stream();
        await store.appendToStream(id, events(5), { expectedRevision: NO_STREAM });
        const revisions = (list: RecordedEvent[]) => list.map((e) => e.revision);
        expect(revisions(await store.readStream(id))).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(revisions(await store.readStream(id, { fromRevision: 2n }))).toEqual([2n, 3n, 4n]);
        expect(revisions(await store.readStream(id, { fromRevision: 1n, maxCount: 2 }))).toEqual([1n, 2n]);
        expect(revisions(await store.readStream(id, { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
        expect(revisions(await store.readStream(id, { direction: 'backwards', fromRevision: 2n, maxCount: 2 }))).toEqual([2n, 1n]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it('accepts each kind of expectation when it holds', async () => {
        const id = stream();
        expect((await store.appendToStream(id, events(1), { expectedRevision: NO_STREAM })).nextRevision).toBe(0n);
        expect((await store.appendToStream(id, events(2), { expectedRevision: 0n })).nextRevision).toBe(2n);
        expect((await store.appendToStream(id, events(1), { expectedRevision: STREAM_EXISTS })).nextRevision).toBe(3n);
        expect((await store.appendToStream(id, events(1), { expectedRevision: ANY })).nextRevision).toBe(4n);
        expect((await store.appendToStream(stream(), events(1), { expectedRevision: ANY })).nextRevision).toBe(0n);
      });

      it.each([
        ['no stream, but it exists', NO_STREAM, 1n],
        ['an exact revision that is behind', 0n, 1n],
        ['an exact revision that is ahead', 5n, 1n],
      ] as const)('fails on %s, naming stream, expected and actual', async (_, expected, actual) => {
        const id = stream();
        await store.appendToStream(id, events(2), { expectedRevision: NO_STREAM });
        const error = await store.appendToStream(id, events(1), { expectedRevision: expected }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: id, expected, actual });
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('fails on stream exists when it does not, and on an exact revision of a missing stream', async () => {
        const id = stream();
        for (const expected of [STREAM_EXISTS, 0n]) {
          const error = await store.appendToStream(id, events(1), { expectedRevision: expected }).catch((e: unknown) => e);
          expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', streamId: id, actual: 'no_stream' });
        }
        expect(await store.readStream(id)).toEqual([]);
      });

      it('lets exactly one of many parallel appends at one expected revision win', async () => {
        const id = stream();
        await store.appendToStream(id, events(1), { expectedRevision: NO_STREAM });
        const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => store.appendToStream(id, events(1), { expectedRevision: 0n })));
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => o.reason instanceof WrongExpectedRevisionError)).toBe(true);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      it('lets exactly one of many parallel creations of a stream win', async () => {
        const id = stream();
        const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => store.appendToStream(id, events(1), { expectedRevision: NO_STREAM })));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(id)).toHaveLength(1);
      });

      it('records all of many parallel appends that expect any revision, without gaps', async () => {
        const id = stream();
        await Promise.all(Array.from({ length: 16 }, () => store.appendToStream(id, events(2), { expectedRevision: ANY })));
        const recorded = await store.readStream(id);
        expect(recorded.map((e) => e.revision)).toEqual(Array.from({ length: 32 }, (_, i) => BigInt(i)));
      });
    });

    describe('idempotent append', () => {
      it('records nothing twice when an append is retried with the same event ids', async () => {
        const id = stream();
        const batch = events(3);
        const first = await store.appendToStream(id, batch, { expectedRevision: NO_STREAM });
        const again = await store.appendToStream(id, batch, { expectedRevision: NO_STREAM });
        const anyRevision = await store.appendToStream(id, batch, { expectedRevision: ANY });
        const where = ({ nextRevision, position }: AppendResult) => ({ nextRevision, position });
        expect(where(again)).toEqual(where(first));
        expect(where(anyRevision)).toEqual(where(first));
        // An adapter that can tell says which call wrote: only the first.
        if (first.written !== undefined) expect([first.written, again.written, anyRevision.written]).toEqual([true, false, false]);
        expect(await store.readStream(id)).toHaveLength(3);
      });

      it('records nothing twice when the same append runs in parallel', async () => {
        const id = stream();
        const batch = events(2);
        const results = await Promise.all(Array.from({ length: 8 }, () => store.appendToStream(id, batch, { expectedRevision: ANY })));
        expect(new Set(results.map((r) => r.position)).size).toBe(1);
        expect(await store.readStream(id)).toHaveLength(2);
      });

      if (capabilities.refusesPartlyReusedIds) {
        it('refuses a retry whose ids were only partly recorded', async () => {
          const id = stream();
          const batch = events(2);
          await store.appendToStream(id, batch, { expectedRevision: NO_STREAM });
          const changed = [batch[0], newEvent('Other')];
          await expect(store.appendToStream(id, changed, { expectedRevision: ANY })).rejects.toBeInstanceOf(IdempotencyConflictError);
          expect(await store.readStream(id)).toHaveLength(2);
        });
      }
    });

    describe('the whole log', () => {
      it('reads in increasing position from a position, filtered by type and category', async () => {
        const start = (await store.headPosition()) ?? undefined;
        const dialog = stream('dialog');
        const operator = stream('operator');
        await store.appendToStream(dialog, [newEvent('DialogOpened'), newEvent('MessageSent')], { expectedRevision: NO_STREAM });
        await store.appendToStream(operator, [newEvent('OperatorRegistered')], { expectedRevision: NO_STREAM });
        await store.appendToStream(dialog, [newEvent('DialogClosed')], { expectedRevision: 1n });

        const all = await readAllUntil(store, { after: start }, (events) => events.length >= 4);
        expect(all.map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent', 'OperatorRegistered', 'DialogClosed']);
        expect(isIncreasing(all.map((e) => e.position))).toBe(true);

        const fromSecond = await store.readAll({ after: all[1].position });
        expect(fromSecond.map((e) => e.type)).toEqual(['OperatorRegistered', 'DialogClosed']);
        expect(await store.readAll({ after: start, maxCount: 2 })).toHaveLength(2);

        const byType = await store.readAll({ after: start, filter: { eventTypes: ['DialogOpened', 'DialogClosed'] } });
        expect(byType.map((e) => e.type)).toEqual(['DialogOpened', 'DialogClosed']);
        const byCategory = await store.readAll({ after: start, filter: { categories: ['operator'] } });
        expect(byCategory.map((e) => e.streamId)).toEqual([operator]);
        expect(await store.headPosition()).toBe(all[3].position);
      });
    });

    describeLogHeadContract(() => subject);
    describeAvailabilityContract(() => subject);
    describeFollowContract(() => subject);

    describe('subscription to the whole log', () => {
      it('catches up, goes live and sees every event of 8 concurrent writers exactly once, in order', async () => {
        const writers = 8;
        const perWriter = 500;
        const start = await store.headPosition();
        const seen: RecordedEvent[] = [];
        const tag = randomUUID();
        // Part of the log exists before the subscription starts, so it must catch up first.
        await store.appendToStream(stream('load'), [newEvent('Warmup', { tag })], { expectedRevision: NO_STREAM });
        const subscription = store.subscribeToAll(
          async (batch) => {
            seen.push(...batch.filter((e) => e.data.tag === tag));
          },
          { after: start, filter: { categories: ['load'] } },
        );
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const streams = [stream('load'), stream('load'), stream('load')];
            for (let i = 0; i < perWriter; i++) {
              await store.appendToStream(streams[i % 3], [newEvent('Loaded', { tag, w, i })], { expectedRevision: ANY });
            }
          }),
        );
        const expected = writers * perWriter + 1;
        await waitFor(() => seen.length >= expected, 30_000);
        await new Promise((r) => setTimeout(r, 200));
        await subscription.stop();

        expect(seen).toHaveLength(expected);
        expect(new Set(seen.map((e) => e.id)).size).toBe(expected);
        expect(isIncreasing(seen.map((e) => e.position))).toBe(true);
        for (let w = 0; w < writers; w++) {
          const mine = seen.filter((e) => e.data.w === w).map((e) => e.data.i);
          expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
        }
        expect(subscription.isLive).toBe(true);
      });

      it('resumes after the last position a subscriber processed', async () => {
        const id = stream('resume');
        const start = await store.headPosition();
        await store.appendToStream(id, events(3), { expectedRevision: NO_STREAM });
        const first: RecordedEvent[] = [];
        const one = store.subscribeToAll(async (batch) => void first.push(...batch), { after: start, filter: { categories: ['resume'] } });
        await waitFor(() => first.length === 3, 10_000);
        await one.stop();

        await store.appendToStream(id, events(2), { expectedRevision: 2n });
        const second: RecordedEvent[] = [];
        const two = store.subscribeToAll(async (batch) => void second.push(...batch), {
          after: first[2].position,
          filter: { categories: ['resume'] },
        });
        await waitFor(() => second.length === 2, 10_000);
        await new Promise((r) => setTimeout(r, 100));
        await two.stop();
        expect(second.map((e) => e.revision)).toEqual([3n, 4n]);
      });

      it('ends with the handler error, so the owner can restart from its checkpoint', async () => {
        const start = await store.headPosition();
        await store.appendToStream(stream('failing'), events(1), { expectedRevision: NO_STREAM });
        const subscription = store.subscribeToAll(
          async () => {
            throw new Error('projection bug');
          },
          { after: start, filter: { categories: ['failing'] } },
        );
        await expect(subscription.done).rejects.toThrow('projection bug');
      });
    });
  });
}

function isIncreasing(values: bigint[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}
