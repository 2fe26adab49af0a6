import { Logger } from '@nestjs/common';
import {
  buildGeneration,
  checkpointNameOf,
  ensureLiveGeneration,
  GenerationBusyError,
  ProjectionLock,
  projectionInto,
  planGeneration,
  ProjectionRunner,
  type BuildDependencies,
  type Generation,
  type VersionedProjection,
} from '@switchboard/projections';

/**
 * Keeps one versioned read model current in this process, as planGeneration says: it runs the
 * live generation; when its code is a newer version than the live one's, it builds the next
 * generation beside it and switches readers over once that has caught up; and when another
 * process (the rebuild command) switches, it follows onto the new live generation.
 */
export class ReadModelKeeper {
  private live?: { generation: Generation; runner: ProjectionRunner };
  private building?: Promise<void>;
  private reconciling?: Promise<void>;
  private lastReason?: string;
  private lastBuildError?: string;
  private readonly builds = new AbortController();
  private readonly logger: Logger;

  constructor(
    readonly projection: VersionedProjection,
    private readonly deps: BuildDependencies,
    private readonly databaseUrl: string,
    private readonly start: (runner: ProjectionRunner) => void,
  ) {
    this.logger = new Logger(`Read model ${projection.name}`);
  }

  /** The live generation's runner, when this process runs it. */
  get runner(): ProjectionRunner | undefined {
    return this.live?.runner;
  }

  /** Brings this process in line with the catalogue; cheap when nothing changed. Called on start and by the watchdog. */
  reconcile(): Promise<void> {
    // One at a time: two overlapping rounds could both start a runner.
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<void> {
    if (this.builds.signal.aborted) return;
    const live = await ensureLiveGeneration(this.deps.catalog, this.deps.checkpoints, this.projection);
    const building = (await this.deps.catalog.list(this.projection.name)).filter((g) => g.status === 'building');
    const plan = planGeneration(live, building, this.projection);
    if (plan.reason !== this.lastReason) this.logger.log(plan.reason);
    this.lastReason = plan.reason;
    await this.follow(plan.runLive ? live : undefined);
    if (plan.build) this.buildNext();
  }

  async stop(): Promise<void> {
    this.builds.abort();
    // A round in flight (the watchdog's, or the one a finished build starts) could otherwise start
    // a runner after the live one was stopped, on a pool about to be closed.
    await this.reconciling?.catch(() => undefined);
    await this.building;
    await this.reconciling?.catch(() => undefined);
    await this.live?.runner.stop();
  }

  /** Runs the given live generation, or none. */
  private async follow(live: Generation | undefined): Promise<void> {
    if (this.live?.generation.generation === live?.generation) return;
    await this.live?.runner.stop();
    this.live = undefined;
    if (!live || this.builds.signal.aborted) return;
    const runner = new ProjectionRunner(projectionInto(this.projection, live), this.deps.store, this.deps.pool, this.deps.checkpoints, {
      lock: new ProjectionLock(this.databaseUrl, this.projection.name),
    });
    this.live = { generation: live, runner };
    this.start(runner);
  }

  private buildNext(): void {
    if (this.building) return;
    this.building = (async () => {
      const target = await this.deps.catalog.buildTarget(this.projection);
      this.logger.log(`building generation ${target.generation} (version ${target.version}) beside the live one`);
      const result = await buildGeneration(this.projection, target, this.deps, {
        lock: new ProjectionLock(this.databaseUrl, checkpointNameOf(target)),
        signal: this.builds.signal,
      });
      if (!result.promoted) return;
      this.logger.log(`generation ${target.generation} is live after ${result.processed} events in ${(result.elapsedMs / 1000).toFixed(1)} s`);
      void this.reconcile();
    })()
      .catch((error: unknown) => {
        // Another process builds it (the rebuild command); this one follows when it goes live.
        if (error instanceof GenerationBusyError) return;
        // Retried every round until someone skips the failed event: said once, not every round.
        const message = `build failed: ${String(error)}`;
        if (message !== this.lastBuildError) this.logger.error(message);
        this.lastBuildError = message;
      })
      .finally(() => {
        this.building = undefined;
      });
  }
}
