import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { CheckpointStore, Projection, ProjectionLock, ProjectionRunner, PROJECTIONS } from '@switchboard/projections';

/** Starts one runner per projection when the process is up, and stops them on shutdown. */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  readonly runners: ProjectionRunner[];
  private readonly logger = new Logger(ProjectionHost.name);
  private stopping = false;

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
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
