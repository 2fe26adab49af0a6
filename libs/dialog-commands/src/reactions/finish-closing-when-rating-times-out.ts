import { Injectable } from '@nestjs/common';
import { dialogDecider, dialogStreamName, noDialogFacts, type DialogCommand } from '@switchboard/dialogs';
import { DataSource } from 'typeorm';
import { commandMetadataOf } from '../dialog/command-metadata';
import { lastOccurredAtOf } from '../dialog/last-occurred-at';
import type { RequestContext } from '../request-context';
import { StreamCommandRunner } from '../stream/stream-command-runner';
import { PeriodicSweep } from './periodic-sweep';

/**
 * A dialog closed "waiting for the client's rating" is closed for good when no rating comes
 * within RATING_TIMEOUT_MINUTES (default a day): the system records `DialogClosed` without a
 * wait. Runs in the projector process; the command is idempotent, so two projectors sweeping
 * at once record it once.
 */
@Injectable()
export class FinishClosingWhenRatingTimesOut extends PeriodicSweep {
  readonly everyMs = 60_000;
  readonly timeoutMinutes = ratingTimeoutMinutes();

  constructor(
    private readonly database: DataSource,
    private readonly runner: StreamCommandRunner,
  ) {
    super();
  }

  /** Finishes closing every dialog whose rating wait began before `now` minus the timeout. */
  async sweep(now = new Date()): Promise<number> {
    const deadline = new Date(now.getTime() - this.timeoutMinutes * 60_000);
    const due: { dialog_id: string; closing_since: Date }[] = await this.database.query(
      `SELECT dialog_id, closing_since FROM write_side.open_assignments
        WHERE closing_since < $1 ORDER BY closing_since LIMIT 500`,
      [deadline],
    );
    for (const { dialog_id: dialogId, closing_since: since } of due) {
      const context: RequestContext = {
        actor: { kind: 'system', id: 'rating-timeout' },
        correlationId: `rating-timeout:${dialogId}`,
        idempotencyKey: `rating-timeout:${dialogId}:${since.toISOString()}`,
      };
      await this.runner.run({
        streamId: dialogStreamName(dialogId),
        decider: dialogDecider,
        context,
        command: (dialog): DialogCommand => ({
          type: 'FinishClosing' as const,
          data: { dialogId },
          metadata: commandMetadataOf(context, lastOccurredAtOf(dialog)),
        }),
        facts: () => noDialogFacts,
      });
    }
    return due.length;
  }
}

function ratingTimeoutMinutes(): number {
  const raw = process.env.RATING_TIMEOUT_MINUTES;
  const value = raw === undefined || raw === '' ? 1440 : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`RATING_TIMEOUT_MINUTES must be a positive number, got "${raw}"`);
  return value;
}
