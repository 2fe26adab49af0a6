import { randomUUID } from 'node:crypto';
import { NO_STREAM, type EventStore, type RecordedEvent } from '@switchboard/event-store';
import { newEvent, waitFor, type ContractSubject } from './contract-subject';

/**
 * Reading the whole log where it holds records no reader sees (EventStoreDB's system events and
 * the `$>` links its built-in projections write, in runs of thousands): a page is never empty
 * before the head, the head is found past any tail, and filtered reads end at the head. A store
 * with no such records (PostgreSQL) must behave alike; its subject has no `writeHiddenRun`.
 */
export function describeLogHeadContract(subject: () => ContractSubject): void {
  describe('the head of the log, past records readers do not see', () => {
    const store = (): EventStore => subject().store;
    const hiddenRun = async (count: number) => subject().writeHiddenRun?.(count);
    const append = async (category: string, type: string) => {
      const result = await store().appendToStream(`${category}-${randomUUID()}`, [newEvent(type)], { expectedRevision: NO_STREAM });
      return result.position;
    };

    it('never answers an empty page before the head, and finds the head behind a run', async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      await hiddenRun(3_000);
      const first = await append(`runs${tag}`, 'First');
      await hiddenRun(3_000);
      const second = await append(`runs${tag}`, 'Second');
      await hiddenRun(3_000);

      expect(await store().headPosition()).toBe(second);
      const [afterFirst] = await store().readAll({ after: first, maxCount: 1 });
      expect(afterFirst?.position).toBe(second);
      expect(await store().readAll({ after: second, maxCount: 1 })).toEqual([]);

      const walked: RecordedEvent[] = [];
      for (let after = start; ;) {
        const page = await store().readAll({ after, maxCount: 1 });
        if (page.length === 0) break;
        walked.push(...page);
        after = page[page.length - 1].position;
      }
      expect(walked.map((e) => e.position).slice(-2)).toEqual([first, second]);
    });

    it('ends a filtered read at the head, with or without a match', async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      const wanted = await append(`wanted${tag}`, 'Wanted');
      await hiddenRun(2_000);
      await append(`other${tag}`, 'Unwanted');
      await hiddenRun(2_000);

      const byCategory = await store().readAll({ after: start, filter: { categories: [`wanted${tag}`] } });
      expect(byCategory.map((e) => e.position)).toEqual([wanted]);
      expect(await store().readAll({ after: wanted, filter: { categories: [`wanted${tag}`] } })).toEqual([]);
      expect(await store().readAll({ after: start, filter: { eventTypes: [`Nothing${tag}`] } })).toEqual([]);
    });

    it('delivers every event once to a subscription across runs', async () => {
      const start = await store().headPosition();
      const tag = randomUUID().slice(0, 8);
      const seen: string[] = [];
      const subscription = store().subscribeToAll(async (batch) => void seen.push(...batch.filter((e) => e.streamId.includes(tag)).map((e) => e.type)), {
        after: start,
      });
      const types = ['One', 'Two', 'Three'];
      for (const type of types) {
        await append(`sub${tag}`, type);
        await hiddenRun(1_500);
      }
      await waitFor(() => seen.length >= types.length, 15_000);
      await subscription.stop();
      expect(seen).toEqual(types);
    });
  });
}
