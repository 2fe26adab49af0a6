import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { ProjectionLock } from '@switchboard/projections';
import { SubscriptionStore, WEBHOOKS_CONFIG, WebhookWorker, webhooksConfigFrom, type WebhooksConfig } from '@switchboard/webhooks';

/** The advisory lock's name: one projector process delivers all webhooks. */
const DELIVERY_LOCK = 'webhooks.delivery';

/**
 * Runs one WebhookWorker per active subscription, in the one projector process that holds the
 * delivery lock; the others stand by and take over when its connection ends. Every `pollMs` it
 * starts workers for new and resumed subscriptions, stops those of paused and deleted ones, and
 * restarts any that ended on an error (from their stored checkpoint).
 */
@Injectable()
export class WebhookHost implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly pool: Pool;
  private readonly lock: ProjectionLock;
  private readonly subscriptions: SubscriptionStore;
  private readonly workers = new Map<string, WebhookWorker>();
  private readonly logger = new Logger(WebhookHost.name);
  private timer?: NodeJS.Timeout;
  private reconciling?: Promise<void>;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) database: ResolvedDatabase,
    @Inject(WEBHOOKS_CONFIG) private readonly config: WebhooksConfig,
  ) {
    this.pool = new Pool({ connectionString: database.url, max: 4 });
    this.pool.on('error', () => undefined);
    this.lock = new ProjectionLock(database.url, DELIVERY_LOCK);
    this.subscriptions = new SubscriptionStore(this.pool);
  }

  /** The ids of the subscriptions this process delivers now. */
  get running(): string[] {
    return [...this.workers.keys()];
  }

  onApplicationBootstrap(): void {
    void this.reconcile();
    this.timer = setInterval(() => void this.reconcile(), this.config.pollMs);
  }

  /** One pass at a time; a pass that fails (database away) is simply tried again at the next tick. */
  reconcile(): Promise<void> {
    this.reconciling ??= this.reconcileOnce()
      .catch((error: unknown) => this.logger.warn(`webhooks: ${String(error)}`))
      .finally(() => {
        this.reconciling = undefined;
      });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    if (this.stopping) return;
    if (!(await this.lock.tryAcquire())) {
      await this.stopWorkers([...this.workers.keys()]);
      return;
    }
    const active = new Map((await this.subscriptions.active()).map((subscription) => [subscription.id, subscription]));
    await this.stopWorkers([...this.workers.keys()].filter((id) => !active.has(id) || this.workers.get(id)?.ended));
    for (const [id, subscription] of active) {
      if (this.workers.has(id) || this.stopping) continue;
      const worker = new WebhookWorker(subscription, this.store, { pool: this.pool, config: this.config });
      this.workers.set(id, worker);
      worker.start();
    }
  }

  private async stopWorkers(ids: readonly string[]): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        const worker = this.workers.get(id);
        this.workers.delete(id);
        await worker?.stop();
      }),
    );
  }

  /** Workers stop first, while the event store and the database are still there. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.reconciling;
    await this.stopWorkers([...this.workers.keys()]);
    await this.lock.release();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

export const webhooksConfigProvider = { provide: WEBHOOKS_CONFIG, useFactory: () => webhooksConfigFrom(process.env) };
