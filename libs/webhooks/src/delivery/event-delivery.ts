import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import type { Position, RecordedEvent } from '@switchboard/event-store';
import { inTransaction } from '@switchboard/projections';
import { DeadLetters } from '../deliveries/dead-letters';
import { DeliveryLog, type AttemptRecord } from '../deliveries/delivery-log';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import type { WebhookSubscription } from '../subscriptions/webhook-subscription';
import type { WebhooksConfig } from '../webhooks.config';
import { eventBodyOf } from './event-body';
import { isDelivered, sendWebhook } from './http-sender';
import { retryDelayMs } from './retry-backoff';
import { signedRequestOf } from './signed-request';

export interface DeliveryDeps {
  pool: Pool;
  config: WebhooksConfig;
  now?: () => Date;
  random?: () => number;
}

export type EventFate = 'delivered' | 'dead_lettered';

/**
 * Delivers one event of one subscription: attempts with backoff until an answer is 2xx or the
 * attempts run out, and then, in one transaction with the last attempt's log row, moves the
 * subscription's checkpoint past it (and files the dead letter). A crash before that commit
 * leaves the checkpoint before the event, so it is sent again: at least once, and never the
 * events after it, which have not been sent yet.
 */
export class EventDelivery {
  private readonly subscriptions: SubscriptionStore;
  private readonly log: DeliveryLog;
  private readonly deadLetters: DeadLetters;
  private readonly url: URL;

  constructor(
    private readonly webhook: WebhookSubscription,
    private readonly deps: DeliveryDeps,
    private readonly signal: AbortSignal,
  ) {
    this.subscriptions = new SubscriptionStore(deps.pool);
    this.log = new DeliveryLog(deps.pool);
    this.deadLetters = new DeadLetters(deps.pool);
    this.url = new URL(webhook.url);
  }

  /** `from` is the checkpoint before the event; rejects if the worker is stopped meanwhile. */
  async deliver(event: RecordedEvent, from: Position | undefined): Promise<EventFate> {
    const { config, pool } = this.deps;
    const now = this.deps.now ?? (() => new Date());
    const body = eventBodyOf(event);
    // Failed attempts logged before a restart count, so a restart does not reset the budget.
    let attempt = await this.log.attemptsAt(this.webhook.id, event.id, 'worker');
    for (;;) {
      attempt++;
      const attemptedAt = now();
      const outcome = await sendWebhook(this.url, signedRequestOf(event, body, this.webhook.secret, attemptedAt), {
        timeoutMs: config.timeoutMs,
        allowPrivateUrls: config.allowPrivateUrls,
        signal: this.signal,
      });
      const record: AttemptRecord = {
        subscriptionId: this.webhook.id,
        eventId: event.id,
        eventType: event.type,
        position: event.position,
        attempt,
        trigger: 'worker',
        attemptedAt,
        outcome,
      };
      const delivered = isDelivered(outcome);
      if (delivered || attempt >= config.maxAttempts) {
        await inTransaction(pool, async (tx) => {
          await this.log.record(record, tx);
          if (!delivered) await this.deadLetters.add(tx, this.webhook.id, event, body, attempt, outcome);
          await this.subscriptions.advance(tx, this.webhook.id, from, event.position);
        });
        return delivered ? 'delivered' : 'dead_lettered';
      }
      await this.log.record(record);
      await sleep(retryDelayMs(attempt, config, this.deps.random), undefined, { signal: this.signal });
    }
  }
}
