import { prepared, type ProjectionTransaction } from '@switchboard/projections';

export const DELETED_DIALOGS_TABLE = 'dialog_list_deleted';

/** A dialog the list dropped: deleted on its own or with its line, in the line it was in then. */
export type DialogTombstone = Readonly<{ dialogId: string; lineId: string; position: bigint; deletedAt: string }>;

export async function loadDeletedDialogs(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await tx.query<{ dialog_id: string }>(prepared(`SELECT dialog_id FROM ${DELETED_DIALOGS_TABLE} WHERE dialog_id = ANY($1::text[])`), [
    dialogIds,
  ]);
  return new Set(rows.map((row) => row.dialog_id));
}

export async function recordDeletedDialogs(tx: ProjectionTransaction, tombstones: readonly DialogTombstone[]): Promise<void> {
  await tx.query(
    `INSERT INTO ${DELETED_DIALOGS_TABLE} (dialog_id, line_id, position, deleted_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [tombstones.map((t) => t.dialogId), tombstones.map((t) => t.lineId), tombstones.map((t) => t.position.toString()), tombstones.map((t) => t.deletedAt)],
  );
}
