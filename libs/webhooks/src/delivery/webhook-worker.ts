import { Logger } from '@nestjs/common';
import type { EventStore, Position, RecordedEvent, Subscription } from '@switchboard/event-store';
import { isDatabaseUnavailable } from '@switchboard/platform';
import { SubscriptionStore } from '../subscriptions/subscription-store';
import { logFilterOf, type WebhookSubscription } from '../subscriptions/webhook-subscription';
import { EventDelivery, type DeliveryDeps } from './event-delivery';

const BATCH_SIZE = 100;

/**
 * Follows the log for one subscription from its own checkpoint, through its filter, and
 * delivers one event at a time in log order: an event that keeps failing holds back the ones
 * after it until it is delivered or dead-lettered, so no stream's events overtake each other.
 * Ends by itself when an event's checkpoint cannot be written (its owner restarts it from the
 * stored checkpoint) and when stopped.
 */
export class WebhookWorker {
  private readonly abort = new AbortController();
  private readonly logger: Logger;
  private subscription?: Subscription;
  private position: Position | undefined;
  private finished = false;
  private readonly subscriptions: SubscriptionStore;

  constructor(
    readonly webhook: WebhookSubscription,
    private readonly store: EventStore,
    private readonly deps: DeliveryDeps,
  ) {
    this.logger = new Logger(`Webhook ${webhook.id}`);
    this.position = webhook.position;
    this.subscriptions = new SubscriptionStore(deps.pool);
  }

  /** Ended on its own (an error) or stopped: its owner may start a new one. */
  get ended(): boolean {
    return this.finished;
  }

  start(): void {
    const delivery = new EventDelivery(this.webhook, this.deps, this.abort.signal);
    const subscription = this.store.subscribeToAll((batch) => this.deliverInOrder(batch, delivery), {
      after: this.position,
      filter: logFilterOf(this.webhook),
      batchSize: BATCH_SIZE,
      onProgress: (position) => this.skipTo(position),
      progressEveryMs: this.deps.config.skipCheckpointMs,
    });
    this.subscription = subscription;
    subscription.done
      .catch((error: unknown) => {
        if (!this.abort.signal.aborted) this.logger.error(`stopped: ${String(error)}`);
      })
      .finally(() => {
        this.finished = true;
      });
  }

  async stop(): Promise<void> {
    this.abort.abort(new Error('the webhook worker stopped'));
    await this.subscription?.stop();
    this.finished = true;
  }

  /**
   * Moves the checkpoint past events the filters skipped. A write lost to an outage is left for
   * the next; a checkpoint moved by another worker, or a deleted subscription, ends this one.
   */
  private async skipTo(position: Position): Promise<void> {
    try {
      await this.subscriptions.advance(this.deps.pool, this.webhook.id, this.position, position);
      this.position = position;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.logger.warn(`database unavailable, checkpoint left behind the events skipped: ${String(error)}`);
    }
  }

  private async deliverInOrder(batch: readonly RecordedEvent[], delivery: EventDelivery): Promise<void> {
    for (const event of batch) {
      const fate = await delivery.deliver(event, this.position);
      this.position = event.position;
      if (fate === 'dead_lettered') this.logger.warn(`gave up on event ${event.id} (${event.type}, position ${event.position}): dead-lettered`);
    }
  }
}
