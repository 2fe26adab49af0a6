import { prepared, type ProjectionTransaction } from '@switchboard/projections';
import type { LineDeletedFact } from '../facts/recorded-fact';

export const DELETED_DIALOGS_TABLE = 'dialog_list_deleted';

export async function loadDeletedDialogs(tx: ProjectionTransaction, dialogIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await tx.query<{ dialog_id: string }>(prepared(`SELECT dialog_id FROM ${DELETED_DIALOGS_TABLE} WHERE dialog_id = ANY($1::text[])`), [
    dialogIds,
  ]);
  return new Set(rows.map((row) => row.dialog_id));
}

export async function recordDeletedDialogs(tx: ProjectionTransaction, dialogIds: readonly string[], deletion: LineDeletedFact): Promise<void> {
  await tx.query(
    `INSERT INTO ${DELETED_DIALOGS_TABLE} (dialog_id, line_id, position, deleted_at)
     SELECT id, $2, $3, $4 FROM unnest($1::text[]) AS id
     ON CONFLICT DO NOTHING`,
    [dialogIds, deletion.lineId, deletion.position.toString(), deletion.occurredAt],
  );
}
