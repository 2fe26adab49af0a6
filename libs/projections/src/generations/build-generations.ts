import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { LogFilter, Position, RecordedEvent } from '@switchboard/event-store';
import { BatchApplier, sleep } from '../batch-applier';
import type { CheckpointStore } from '../checkpoint-store';
import { GenerationBusyError, type BuildDependencies, type BuildOptions, type BuildProgress, type BuildResult } from './generation-build';
import type { Generation } from './generation-catalog';
import { projectionInto } from './generation-projection';
import type { VersionedProjection } from './read-model';

export type BuildTarget = Readonly<{ projection: VersionedProjection; generation: Generation }>;

/** One target being filled: its applier and what it has taken so far. */
interface Filling {
  readonly target: BuildTarget;
  readonly applier: BatchApplier;
  processed: number;
  promoted: boolean;
}

/**
 * Fills several building generations from one read of the log: each batch is read and decoded
 * once and handed to every target, each in its own transaction with its own checkpoint, side by
 * side (Node folds one target's events while PostgreSQL writes another's), while the next batch
 * is already being read. Each target keeps what buildGeneration promises: it resumes from its
 * own checkpoint, skips what it already holds, and is switched to on its own once it has caught
 * up with the log.
 */
export async function buildGenerations(
  targets: readonly BuildTarget[],
  { store, pool, checkpoints, catalog }: BuildDependencies,
  options: Omit<BuildOptions, 'lock' | 'total'> & { locks?: BuildOptions['lock'][]; totals?: (number | undefined)[] } = {},
): Promise<BuildResult[]> {
  const locks = options.locks ?? [];
  const held: NonNullable<BuildOptions['lock']>[] = [];
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  try {
    for (const [index, lock] of locks.entries()) {
      if (lock === undefined) continue;
      if (!(await lock.tryAcquire())) throw new GenerationBusyError(targets[index].generation);
      held.push(lock);
    }
    const fillings: Filling[] = [];
    for (const target of targets) fillings.push(await startFilling(target, pool, checkpoints));
    const progress = (filling: Filling, index: number): BuildProgress => ({
      projection: filling.target.projection.name,
      generation: filling.target.generation.generation,
      processed: filling.processed,
      total: options.totals?.[index],
      elapsedMs: Date.now() - started,
    });
    const filter = unionOf(targets.map((t) => t.projection.filter));
    let after = earliest(fillings.map((f) => f.applier.position));
    let next = store.readPage({ after, maxCount: batchSize, filter });
    while (!options.signal?.aborted) {
      const page = await next;
      const batch = page.events;
      after = page.lookedThrough ?? after;
      // The next read overlaps with this batch's writes.
      next = store.readPage({ after, maxCount: batchSize, filter });
      const open = fillings.filter((f) => !f.promoted);
      await Promise.all(
        open.map(async (filling) => {
          const events = batch.filter((e) => takes(filling, e));
          if (events.length === 0) return;
          await filling.applier.apply(events);
          filling.processed += events.length;
          options.onProgress?.(progress(filling, fillings.indexOf(filling)));
        }),
      );
      if (batch.length < batchSize) {
        for (const filling of open) {
          // The live generation's checkpoint moves past the events it skips; this one must have
          // looked as far before it can be switched to.
          if (page.lookedThrough !== undefined) await filling.applier.skipTo(page.lookedThrough);
          if (!(await catalog.promote(filling.target.projection, filling.target.generation))) continue;
          filling.promoted = true;
          await catalog.dropRetired(filling.target.projection.name);
        }
        if (fillings.every((f) => f.promoted)) break;
        // A live generation is ahead by what arrived since this read; read on.
        if (batch.length === 0) await sleep(20);
      }
    }
    await next.catch(() => undefined);
    return fillings.map((f, index) => ({ ...progress(f, index), promoted: f.promoted }));
  } finally {
    for (const lock of held) await lock.release();
  }
}

async function startFilling(target: BuildTarget, pool: Pool, checkpoints: CheckpointStore): Promise<Filling> {
  const into = projectionInto(target.projection, target.generation);
  const checkpoint = await checkpoints.load(into.name, into.filter ?? {});
  if (checkpoint.status === 'failed') {
    // It waits for someone to review and skip the event (POST /projections/{name}/skip).
    throw new Error(
      `${into.name} stopped at event ${checkpoint.failedEventId} (${checkpoint.failedEventType}, position ${checkpoint.failedPosition}): ${checkpoint.error}`,
    );
  }
  const applier = new BatchApplier(into, pool, checkpoints, new Logger(`Build ${into.name}`), 3, checkpoint.position);
  return { target, applier, processed: 0, promoted: false };
}

/** Whether an event of the shared read is one this target follows and does not hold yet. */
function takes(filling: Filling, event: RecordedEvent): boolean {
  const { position } = filling.applier;
  if (position !== undefined && event.position <= position) return false;
  const filter = filling.target.projection.filter;
  if (filter?.eventTypes?.length && !filter.eventTypes.includes(event.type)) return false;
  return !filter?.categories?.length || filter.categories.includes(event.streamId.split('-', 1)[0]);
}

/** A filter that takes every event any of these takes (and maybe more: each target sorts its own out). */
function unionOf(filters: readonly (LogFilter | undefined)[]): LogFilter | undefined {
  const all = <K extends keyof LogFilter>(key: K): string[] | undefined =>
    filters.every((f) => f?.[key]?.length) ? [...new Set(filters.flatMap((f) => f?.[key] ?? []))] : undefined;
  const union = { eventTypes: all('eventTypes'), categories: all('categories') };
  return union.eventTypes || union.categories ? union : undefined;
}

/** Where the shared read starts: after the checkpoint furthest behind (a new target: the first event). */
function earliest(positions: readonly (Position | undefined)[]): Position | undefined {
  if (positions.some((p) => p === undefined)) return undefined;
  return (positions as Position[]).reduce((a, b) => (b < a ? b : a));
}
