import type { Pool } from 'pg';
import { inTransaction } from '@switchboard/projections';
import { DeadLetters, type DeadLetter } from '../deliveries/dead-letters';
import { DeliveryLog } from '../deliveries/delivery-log';
import { failureOf, isDelivered, sendWebhook, type AttemptOutcome } from '../delivery/http-sender';
import { signedRequestOf } from '../delivery/signed-request';
import type { WebhookSubscription } from '../subscriptions/webhook-subscription';
import type { WebhooksConfig } from '../webhooks.config';

export interface RedeliveryResult {
  eventId: string;
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface RedeliverAllResult {
  redelivered: number;
  /** Dead letters left after this call. */
  remaining: number;
  /** The attempt that failed and stopped the call, if one did. */
  failure: RedeliveryResult | null;
}

/** How many dead letters one call re-sends at most; the answer's `remaining` says if more wait. */
export const REDELIVER_ALL_LIMIT = 100;

/**
 * Re-sends dead letters right away, from the API, each once and signed anew, with the body
 * stored when it was given up on. A 2xx removes the entry; anything else leaves it, noting the
 * newest failure. The worker is not involved: it has moved on, and a dead letter redelivered
 * later necessarily arrives after events that followed it in the log.
 */
export class DeadLetterRedelivery {
  private readonly deadLetters: DeadLetters;
  private readonly log: DeliveryLog;

  constructor(
    private readonly pool: Pool,
    private readonly config: WebhooksConfig,
  ) {
    this.deadLetters = new DeadLetters(pool);
    this.log = new DeliveryLog(pool);
  }

  async redeliverOne(webhook: WebhookSubscription, letter: DeadLetter): Promise<RedeliveryResult> {
    const attemptedAt = new Date();
    const event = { id: letter.eventId, type: letter.eventType };
    const outcome = await sendWebhook(new URL(webhook.url), signedRequestOf(event, letter.body, webhook.secret, attemptedAt), {
      timeoutMs: this.config.timeoutMs,
      allowPrivateUrls: this.config.allowPrivateUrls,
    });
    const attempt = (await this.log.attemptsAt(webhook.id, letter.eventId, 'redelivery')) + 1;
    const record = {
      subscriptionId: webhook.id,
      eventId: letter.eventId,
      eventType: letter.eventType,
      position: BigInt(letter.position),
      attempt,
      trigger: 'redelivery' as const,
      attemptedAt,
      outcome,
    };
    if (isDelivered(outcome)) {
      await inTransaction(this.pool, async (tx) => {
        await this.log.record(record, tx);
        await this.deadLetters.remove(tx, webhook.id, letter.eventId);
      });
    } else {
      await this.log.record(record);
      await this.deadLetters.noteFailure(webhook.id, letter.eventId, outcome);
    }
    return resultOf(letter.eventId, outcome);
  }

  /** In log order, stopping at the first failure: the receiver is most likely still failing. */
  async redeliverAll(webhook: WebhookSubscription): Promise<RedeliverAllResult> {
    let redelivered = 0;
    let failure: RedeliveryResult | null = null;
    for (const letter of await this.deadLetters.page(webhook.id, REDELIVER_ALL_LIMIT)) {
      const result = await this.redeliverOne(webhook, letter);
      if (!result.delivered) {
        failure = result;
        break;
      }
      redelivered++;
    }
    return { redelivered, remaining: await this.deadLetters.count(webhook.id), failure };
  }
}

function resultOf(eventId: string, outcome: AttemptOutcome): RedeliveryResult {
  return {
    eventId,
    delivered: isDelivered(outcome),
    statusCode: outcome.kind === 'answered' ? outcome.statusCode : null,
    error: failureOf(outcome),
    durationMs: outcome.durationMs,
  };
}
