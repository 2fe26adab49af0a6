import { prepared, type ProjectionTransaction } from '@switchboard/projections';

/**
 * A read model's commit may be lost in a server crash without harm: its checkpoint is lost with
 * it, in the same transaction, and the batch is projected again. So batches need not wait for
 * the disk, which is most of a small batch's commit time on a durable server.
 */
export async function commitWithoutWaitingForDisk(tx: ProjectionTransaction): Promise<void> {
  await tx.query(prepared(`SELECT set_config('synchronous_commit', 'off', true)`));
}
