import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { CheckpointStore, Projection, ProjectionLock, ProjectionRunner, PROJECTIONS } from '@switchboard/projections';

const WATCHDOG_MS = 2000;

/** Starts one runner per projection when the process is up, and stops them on shutdown. */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  readonly runners: ProjectionRunner[];
  private readonly logger = new Logger(ProjectionHost.name);
  private stopping = false;
  private watchdog?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DATABASE) database: ResolvedDatabase,
    @Inject(PROJECTIONS) projections: Projection[],
  ) {
    this.pool = new Pool({ connectionString: database.url, max: Math.max(4, projections.length + 1) });
    this.pool.on('error', () => undefined);
    this.checkpoints = new CheckpointStore(this.pool);
    this.runners = projections.map(
      (p) => new ProjectionRunner(p, store, this.pool, this.checkpoints, { lock: new ProjectionLock(database.url, p.name) }),
    );
  }

  /** Runners start in the background: a database that is not reachable yet delays them, not the process. */
  onApplicationBootstrap(): void {
    for (const runner of this.runners) void this.startWhenPossible(runner);
    this.watchdog = setInterval(() => void this.restartResumed(), WATCHDOG_MS);
  }

  /**
   * A runner that stopped (a failed event, a lost checkpoint race) starts again once its
   * checkpoint says running: after `POST /projections/{name}/skip`, or a rebuild.
   */
  private async restartResumed(): Promise<void> {
    const idle = this.runners.filter((r) => r.idle);
    if (idle.length === 0 || this.stopping) return;
    const checkpoints = await this.checkpoints.all().catch(() => []);
    for (const runner of idle) {
      const checkpoint = checkpoints.find((c) => c.name === runner.projection.name);
      if (checkpoint?.status === 'running' && runner.idle && !this.stopping) void this.startWhenPossible(runner);
    }
  }

  private async startWhenPossible(runner: ProjectionRunner): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await runner.start();
        return;
      } catch (error) {
        this.logger.warn(`${runner.projection.name} could not start (attempt ${attempt}): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
      }
    }
  }

  /** Runners stop first, while the event store and the database are still there. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.watchdog);
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
