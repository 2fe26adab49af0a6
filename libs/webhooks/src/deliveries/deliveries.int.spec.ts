import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { RecordedEvent } from '@switchboard/event-store';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { webhookMigrations } from '../migrations';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { DeadLetters } from './dead-letters';
import { DeliveryLog } from './delivery-log';

/** Keyset pages of the delivery log and the dead letters, across keys of different lengths. */
describe('delivery log and dead letters', () => {
  let db: TestDatabase;
  let pool: Pool;
  let subscriptionId: string;

  beforeAll(async () => {
    db = await createTestDatabase(webhookMigrations);
    pool = new Pool({ connectionString: db.url });
    subscriptionId = randomUUID();
    await new SubscriptionStore(pool).create({
      id: subscriptionId,
      url: 'http://127.0.0.1:9/',
      secret: 'whsec_pages-secret-secret',
      description: null,
      eventTypes: [],
      categories: [],
      position: undefined,
      createdBy: 'admin-1',
    });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('pages the attempts newest first, past ids of more digits', async () => {
    const log = new DeliveryLog(pool);
    for (let attempt = 1; attempt <= 12; attempt++) {
      await log.record({
        subscriptionId,
        eventId: randomUUID(),
        eventType: 'Ticked',
        position: BigInt(attempt),
        attempt,
        trigger: 'worker',
        attemptedAt: new Date(),
        outcome: { kind: 'answered', statusCode: 500, durationMs: 3 },
      });
    }
    const seen: number[] = [];
    for (let before: string | undefined; ;) {
      const page = await log.page(subscriptionId, 5, before);
      if (page.length === 0) break;
      seen.push(...page.map((row) => row.attempt));
      before = page[page.length - 1].id;
    }
    expect(seen).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('pages the dead letters in log order, past positions of more digits', async () => {
    const letters = new DeadLetters(pool);
    for (const position of [100n, 9n, 10n, 1000n]) {
      const event: RecordedEvent = {
        id: randomUUID(),
        type: 'Ticked',
        streamId: 'clock-1',
        revision: 0n,
        position,
        data: {},
        metadata: {},
        recordedAt: new Date(),
      };
      await letters.add(pool, subscriptionId, event, '{}', 3, { kind: 'failed', error: 'ECONNREFUSED', durationMs: 1 });
    }
    const first = await letters.page(subscriptionId, 2);
    const second = await letters.page(subscriptionId, 2, first[1].position);
    expect([...first, ...second].map((letter) => letter.position)).toEqual(['9', '10', '100', '1000']);
    expect(first[0]).toMatchObject({ attempts: 3, lastStatusCode: null, lastError: 'ECONNREFUSED' });
  });
});
