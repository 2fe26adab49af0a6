import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { CheckpointStore, Projection, ProjectionRunner, PROJECTIONS } from '@switchboard/projections';

/** Starts one runner per projection when the process is up, and stops them on shutdown. */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  readonly runners: ProjectionRunner[];

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DATABASE) database: ResolvedDatabase,
    @Inject(PROJECTIONS) projections: Projection[],
  ) {
    this.pool = new Pool({ connectionString: database.url, max: Math.max(4, projections.length + 1) });
    this.pool.on('error', () => undefined);
    this.checkpoints = new CheckpointStore(this.pool);
    this.runners = projections.map((p) => new ProjectionRunner(p, store, this.pool, this.checkpoints));
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  /** Runners stop first, while the event store and the database are still there. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
