import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, type EventStore, type LogFilter, type LogPage, type Position, type RecordedEvent } from '@switchboard/event-store';
import { newEvent, waitFor, type ContractSubject } from './contract-subject';

/**
 * Followers of a filter resume after what a read looked through, not after the last event it
 * matched, so a rare type is not looked for again among the same events on every poll. Whatever
 * a read says it looked through must hold: no event the filter takes may appear at or below it
 * later (PostgreSQL: it stays below the oldest open transaction; EventStoreDB: the head before
 * the read).
 */
export function describeFollowContract(subject: () => ContractSubject): void {
  describe('followers of a filter resume after what a read looked through', () => {
    const store = (): EventStore => subject().store;
    const append = async (category: string, type: string): Promise<Position> =>
      (await store().appendToStream(`${category}-${randomUUID()}`, [newEvent(type)], { expectedRevision: NO_STREAM })).position;

    it('a read that matches nothing looks through the events it passed, and a match after them is found from there', async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      const passed = [await append(`skip${tag}`, 'Unwanted'), await append(`skip${tag}`, 'Unwanted'), await append(`skip${tag}`, 'Unwanted')];
      const filter = { eventTypes: [`Wanted${tag}`] };

      const empty = await readPageUntil(store(), { after: start, filter }, (page) => (page.lookedThrough ?? -1n) >= passed[2]);
      expect(empty.events).toEqual([]);
      expect(empty.lookedThrough).toBeGreaterThanOrEqual(passed[2]);

      const wanted = await append(`skip${tag}`, `Wanted${tag}`);
      const found = await readPageUntil(store(), { after: empty.lookedThrough, filter }, (page) => page.events.length > 0);
      expect(found.events.map((e) => e.position)).toEqual([wanted]);
      expect(found.lookedThrough).toBeGreaterThanOrEqual(wanted);
    });

    it('a full page looked through its last event only', async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      const filter = { categories: [`full${tag}`] };
      const positions = [
        await append(`full${tag}`, 'One'),
        await append(`other${tag}`, 'Two'),
        await append(`full${tag}`, 'Three'),
        await append(`full${tag}`, 'Four'),
      ];

      const page = await readPageUntil(store(), { after: start, filter, maxCount: 2 }, (p) => p.events.length === 2);
      expect(page.events.map((e) => e.position)).toEqual([positions[0], positions[2]]);
      expect(page.lookedThrough).toBe(positions[2]);
      const rest = await readPageUntil(store(), { after: page.lookedThrough, filter, maxCount: 2 }, (p) => p.events.length > 0);
      expect(rest.events.map((e) => e.position)).toEqual([positions[3]]);
    });

    it('misses and repeats nothing that the filter takes while writers append around it', async () => {
      const tag = randomUUID().slice(0, 8);
      const start = await store().headPosition();
      const filter = { eventTypes: [`Wanted${tag}`] };
      const writers = 4;
      const perWriter = 60;
      let writing = true;
      const appended = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const streamId = `mixed${tag}-${w}`;
          for (let i = 0; i < perWriter; i++) {
            const type = i % 6 === 0 ? `Wanted${tag}` : 'Unwanted';
            await store().appendToStream(streamId, [newEvent(type, { w, i })], { expectedRevision: ANY });
          }
        }),
      ).finally(() => (writing = false));

      const seen: RecordedEvent[] = [];
      const expected = writers * (perWriter / 6);
      let after = start;
      const deadline = Date.now() + 30_000;
      while ((writing || seen.length < expected) && Date.now() < deadline) {
        const page = await store().readPage({ after, filter, maxCount: 3 });
        if (page.lookedThrough !== undefined && after !== undefined) expect(page.lookedThrough).toBeGreaterThan(after);
        for (const event of page.events) expect(event.position).toBeLessThanOrEqual(page.lookedThrough ?? event.position);
        seen.push(...page.events);
        after = page.lookedThrough ?? after;
        if (page.events.length === 0) await new Promise((r) => setTimeout(r, 5));
      }
      await appended;

      expect(seen).toHaveLength(expected);
      expect(new Set(seen.map((e) => e.id)).size).toBe(expected);
      for (let w = 0; w < writers; w++) {
        const mine = seen.filter((e) => e.data.w === w).map((e) => e.data.i);
        expect(mine).toEqual(Array.from({ length: perWriter / 6 }, (_, k) => k * 6));
      }
    });

    it("a subscription's progress never passes an event it has still to hand over", async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      const told: Position[] = [];
      const handed: Array<{ position: Position; toldBefore: Position[] }> = [];
      const subscription = store().subscribeToAll(async (batch) => void handed.push(...batch.map((e) => ({ position: e.position, toldBefore: [...told] }))), {
        after: start,
        filter: { eventTypes: [`Wanted${tag}`] },
        progressEveryMs: 0,
        onProgress: async (through) => void told.push(through),
      });
      await append(`prog${tag}`, 'Unwanted');
      await append(`prog${tag}`, 'Unwanted');
      const wanted = await append(`prog${tag}`, `Wanted${tag}`);
      await waitFor(() => handed.length === 1, 15_000);
      await subscription.stop();

      expect(handed.map((h) => h.position)).toEqual([wanted]);
      // An adapter that cannot tell how far it looked reports nothing, which is allowed.
      for (const through of handed[0].toldBefore) expect(through).toBeLessThan(wanted);
      for (let i = 1; i < told.length; i++) expect(told[i]).toBeGreaterThan(told[i - 1]);
      if (told.length > 0 && start !== undefined) expect(told[0]).toBeGreaterThan(start);
    });
  });
}

/**
 * A read repeated until `done` holds: what an append shows to readers depends on every open
 * transaction on the server (PostgreSQL's horizon), and the tests share one server.
 */
async function readPageUntil(
  store: EventStore,
  options: { after?: Position; filter: LogFilter; maxCount?: number },
  done: (page: LogPage) => boolean,
): Promise<LogPage> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = await store.readPage(options);
    if (done(page) || Date.now() > deadline) return page;
    await new Promise((r) => setTimeout(r, 10));
  }
}
