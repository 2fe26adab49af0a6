import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';
import { DATABASE, ResolvedDatabase } from '@switchboard/platform';
import { CheckpointStore, GenerationCatalog, isVersioned, Projection, ProjectionLock, ProjectionRunner, PROJECTIONS } from '@switchboard/projections';
import { ReadModelKeeper } from './read-model-keeper';

const WATCHDOG_MS = 2000;

/**
 * Runs every projection in this process: a runner for each reaction of the write side, and a
 * keeper for each versioned read model (its live generation, and the next one when the code's
 * definition changed). Started when the process is up, stopped on shutdown.
 */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  readonly pool: Pool;
  readonly checkpoints: CheckpointStore;
  readonly catalog: GenerationCatalog;
  private readonly reactions: ProjectionRunner[];
  readonly readModels: ReadModelKeeper[];
  private readonly logger = new Logger(ProjectionHost.name);
  private stopping = false;
  private watchdog?: NodeJS.Timeout;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(DATABASE) database: ResolvedDatabase, @Inject(PROJECTIONS) projections: Projection[]) {
    // Each read model may build a generation while its live one runs.
    this.pool = new Pool({ connectionString: database.url, max: Math.max(4, 2 * projections.length + 1) });
    this.pool.on('error', () => undefined);
    this.checkpoints = new CheckpointStore(this.pool);
    this.catalog = new GenerationCatalog(this.pool);
    const deps = { store, pool: this.pool, checkpoints: this.checkpoints, catalog: this.catalog };
    this.reactions = projections
      .filter((p) => !isVersioned(p))
      .map((p) => new ProjectionRunner(p, store, this.pool, this.checkpoints, { lock: new ProjectionLock(database.url, p.name) }));
    this.readModels = projections.filter(isVersioned).map((p) => new ReadModelKeeper(p, deps, database.url, (runner) => void this.startWhenPossible(runner)));
  }

  /** The runners this process runs now: the reactions and the live generation of each read model. */
  get runners(): ProjectionRunner[] {
    return [...this.reactions, ...this.readModels.flatMap((keeper) => keeper.runner ?? [])];
  }

  /**
   * Runners start in the background: a database that is not reachable yet delays them, not the
   * process. The read models' live generations are made first, so that readers in the same
   * process find their views from the start.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.reactions) void this.startWhenPossible(runner);
    await this.reconcileReadModels();
    this.watchdog = setInterval(() => {
      void this.reconcileReadModels();
      void this.restartResumed();
    }, WATCHDOG_MS);
  }

  private async reconcileReadModels(): Promise<void> {
    for (const keeper of this.readModels) {
      if (this.stopping) return;
      await keeper.reconcile().catch((error: unknown) => this.logger.warn(`${keeper.projection.name}: ${String(error)}`));
    }
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
    await Promise.all([...this.reactions.map((runner) => runner.stop()), ...this.readModels.map((keeper) => keeper.stop())]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
