import { randomUUID } from 'node:crypto';
import { EventStoreUnavailableError, NO_STREAM, type EventStore } from '@switchboard/event-store';
import { newEvent, type ContractSubject } from './contract-subject';

const failureOf = (call: () => Promise<unknown>): Promise<unknown> =>
  call().then(
    () => undefined,
    (error: unknown) => error,
  );

/**
 * When the store cannot serve for a moment (down, unreachable, between leaders), every call fails
 * with EventStoreUnavailableError, which the API answers 503 with Retry-After and the projector
 * retries, never with an error of the driver; and the store goes on once it can. EventStoreDB's
 * subject runs as a user without admin rights, so `ping` (the health check) must need none.
 */
export function describeAvailabilityContract(subject: () => ContractSubject): void {
  describe('availability', () => {
    const store = (): EventStore => subject().store;

    it('answers ping with the rights it reads and writes with', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
    });

    it('reports every call to a store it cannot reach as unavailable', async () => {
      const unreachable = subject().unreachable();
      const calls: [string, () => Promise<unknown>][] = [
        ['ping', () => unreachable.ping()],
        ['headPosition', () => unreachable.headPosition()],
        ['readAll', () => unreachable.readAll({ maxCount: 1 })],
        ['filtered readAll', () => unreachable.readAll({ filter: { categories: ['dialog'] } })],
        ['readStream', () => unreachable.readStream(`dialog-${randomUUID()}`)],
        ['appendToStream', () => unreachable.appendToStream(`dialog-${randomUUID()}`, [newEvent('DialogOpened')], { expectedRevision: NO_STREAM })],
      ];
      try {
        for (const [name, call] of calls) expect([name, await failureOf(call)]).toEqual([name, expect.any(EventStoreUnavailableError)]);
      } finally {
        await unreachable.close();
      }
    });

    it('goes on after the leader changes: one call at most is unavailable, and every acknowledged write is read back', async () => {
      const id = `dialog-${randomUUID()}`;
      await store().appendToStream(id, [newEvent('DialogOpened')], { expectedRevision: NO_STREAM });
      await subject().changeLeader?.();
      let unavailable = 0;
      const once = async <T>(call: () => Promise<T>): Promise<T> => {
        try {
          return await call();
        } catch (error) {
          if (!(error instanceof EventStoreUnavailableError) || (unavailable += 1) > 1) throw error;
          return call();
        }
      };
      const second = await once(() => store().appendToStream(id, [newEvent('MessageSent')], { expectedRevision: 0n }));
      expect((await once(() => store().readStream(id))).map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent']);
      expect(second.nextRevision).toBe(1n);
      expect(unavailable).toBeLessThanOrEqual(1);
    });
  });
}
