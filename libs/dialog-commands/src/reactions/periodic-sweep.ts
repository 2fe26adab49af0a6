import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A sweep the projector process runs every `everyMs` from boot to shutdown. A failed round is
 * logged and the next one tries again: each sweep's commands are idempotent.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  abstract readonly everyMs: number;

  /** One round; answers how many items it looked at. */
  abstract sweep(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((e: unknown) => this.logger.warn(`sweep failed: ${String(e)}`)), this.everyMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
