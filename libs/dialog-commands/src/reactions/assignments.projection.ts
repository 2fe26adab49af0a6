import { Injectable } from '@nestjs/common';
import { dialogDecider, dialogStreamName, noDialogFacts, type DialogCommand } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';
import type { RequestContext } from '../request-context';
import { commandMetadataOf } from '../dialog/command-metadata';
import { lastOccurredAtOf } from '../dialog/last-occurred-at';
import { StreamCommandRunner } from '../stream/stream-command-runner';

const WATCHED = [
  'DialogOpened',
  'OperatorAssigned',
  'OperatorUnassigned',
  'DialogClosed',
  'DialogClosedAsSpam',
  'DialogReopened',
  'ClientRatedDialog',
  'DialogDeleted',
  'OperatorRemoved',
];

/**
 * What the reaction writes through: the transaction the projector hands each batch in, the one
 * that also moves the reaction's checkpoint. The write side names only what it uses, so it
 * needs nothing of the runner (apps/projector runs this as one of its projections).
 */
export interface ReactionTransaction {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * Keeps who holds which open dialog (and which closed ones wait for a rating; a deleted dialog
 * is neither), and reacts to `OperatorRemoved` by unassigning each of
 * that operator's open dialogs, each with its own recorded reason. Both happen in one
 * subscription, so the reaction sees every assignment made before the removal. The unassign
 * commands are appended before the checkpoint commits: after a crash they run again, and the
 * dialog decider then records nothing, because the operator is no longer assigned.
 */
@Injectable()
export class AssignmentsProjection {
  readonly name = 'write-side.assignments';
  readonly filter = { eventTypes: WATCHED };

  constructor(private readonly runner: StreamCommandRunner) {}

  async handle(events: readonly RecordedEvent[], tx: ReactionTransaction): Promise<void> {
    for (const event of events) {
      const dialogId = event.data.dialogId as string;
      switch (event.type) {
        case 'DialogOpened':
          await tx.query(`INSERT INTO write_side.open_assignments (dialog_id) VALUES ($1) ON CONFLICT DO NOTHING`, [dialogId]);
          break;
        case 'OperatorAssigned':
          await tx.query(
            `INSERT INTO write_side.open_assignments (dialog_id, operator_id) VALUES ($1, $2)
             ON CONFLICT (dialog_id) DO UPDATE SET operator_id = excluded.operator_id`,
            [dialogId, event.data.operatorId],
          );
          break;
        case 'OperatorUnassigned':
          await tx.query(`UPDATE write_side.open_assignments SET operator_id = NULL WHERE dialog_id = $1`, [dialogId]);
          break;
        case 'DialogClosed':
          await tx.query(`UPDATE write_side.open_assignments SET open = false, closing_since = $2 WHERE dialog_id = $1`, [
            dialogId,
            event.data.awaitingRating ? event.data.occurredAt : null,
          ]);
          break;
        case 'DialogClosedAsSpam':
          await tx.query(`UPDATE write_side.open_assignments SET open = false, closing_since = NULL WHERE dialog_id = $1`, [dialogId]);
          break;
        case 'ClientRatedDialog':
          await tx.query(`UPDATE write_side.open_assignments SET closing_since = NULL WHERE dialog_id = $1`, [dialogId]);
          break;
        case 'DialogReopened':
          await tx.query(`UPDATE write_side.open_assignments SET open = true, closing_since = NULL WHERE dialog_id = $1`, [dialogId]);
          break;
        case 'DialogDeleted':
          // No longer anyone's load, nor waiting for a rating.
          await tx.query(`DELETE FROM write_side.open_assignments WHERE dialog_id = $1`, [dialogId]);
          break;
        case 'OperatorRemoved':
          await this.unassignDialogsOf(event, tx);
          break;
      }
    }
  }

  private async unassignDialogsOf(removal: RecordedEvent, tx: ReactionTransaction): Promise<void> {
    const operatorId = removal.data.operatorId as string;
    const { rows } = await tx.query<{ dialog_id: string }>(`SELECT dialog_id FROM write_side.open_assignments WHERE operator_id = $1 AND open`, [operatorId]);
    const context: RequestContext = {
      actor: { kind: 'system', id: 'operator-removal' },
      correlationId: String((removal.metadata as { correlationId?: string }).correlationId ?? removal.id),
      causationId: removal.id,
      idempotencyKey: `operator-removed:${removal.id}`,
    };
    for (const { dialog_id: dialogId } of rows) {
      await this.runner.run({
        streamId: dialogStreamName(dialogId),
        decider: dialogDecider,
        context,
        command: (dialog): DialogCommand => ({
          type: 'UnassignRemovedOperator' as const,
          data: { dialogId, operatorId },
          metadata: commandMetadataOf(context, lastOccurredAtOf(dialog)),
        }),
        facts: () => noDialogFacts,
      });
    }
  }
}
