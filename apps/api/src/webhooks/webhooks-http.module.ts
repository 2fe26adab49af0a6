import { BeforeApplicationShutdown, Inject, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStoreModule } from '@switchboard/event-store';
import { DATABASE, type ResolvedDatabase } from '@switchboard/platform';
import {
  DeadLetterRedelivery,
  DeadLetters,
  DeliveryLog,
  SubscriptionStore,
  WEBHOOKS_CONFIG,
  webhooksConfigFrom,
  type WebhooksConfig,
} from '@switchboard/webhooks';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhooksController } from './webhooks.controller';

export const WEBHOOKS_POOL = Symbol('WebhooksPool');

class WebhooksPoolLifecycle implements BeforeApplicationShutdown {
  constructor(@Inject(WEBHOOKS_POOL) private readonly pool: Pool) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

const onPool = <T>(type: new (pool: Pool) => T) => ({ provide: type, inject: [WEBHOOKS_POOL], useFactory: (pool: Pool) => new type(pool) });

/** Webhook subscriptions, their delivery log and dead letters (admins); delivery runs in the projector. */
@Module({
  imports: [EventStoreModule],
  controllers: [WebhooksController, WebhookDeliveriesController],
  providers: [
    { provide: WEBHOOKS_CONFIG, useFactory: () => webhooksConfigFrom(process.env) },
    {
      provide: WEBHOOKS_POOL,
      inject: [DATABASE],
      useFactory: (database: ResolvedDatabase) => {
        const pool = new Pool({ connectionString: database.url, max: 4 });
        pool.on('error', () => undefined);
        return pool;
      },
    },
    WebhooksPoolLifecycle,
    onPool(SubscriptionStore),
    onPool(DeliveryLog),
    onPool(DeadLetters),
    {
      provide: DeadLetterRedelivery,
      inject: [WEBHOOKS_POOL, WEBHOOKS_CONFIG],
      useFactory: (pool: Pool, config: WebhooksConfig) => new DeadLetterRedelivery(pool, config),
    },
  ],
  // An erasure renders the client's dead letters again.
  exports: [DeadLetters],
})
export class WebhooksHttpModule {}
