import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';

/**
 * A sweep the projector process runs every `everyMs` from boot to shutdown, one round at a time.
 * A failed round is logged and the next one tries again: each sweep's commands are idempotent.
 * It stops, and waits for the round in flight, before the event store and the database close
 * (their hooks run after onModuleDestroy), so no round runs on closed connections.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  abstract readonly everyMs: number;

  /** One round; answers how many items it looked at. */
  abstract sweep(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.everyMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** A tick while a round is still running (a slow database, a short period) is skipped. */
  private tick(): void {
    this.round ??= this.sweep()
      .then(
        () => undefined,
        (e: unknown) => this.logger.warn(`sweep failed: ${String(e)}`),
      )
      .finally(() => (this.round = undefined));
  }
}
