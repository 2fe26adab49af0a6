import type { ReadDatabase } from '../shared/read-database';

/**
 * The ids of a client's dialogs the list holds: an erasure names them so that dialogs opened
 * before personal fields were sealed (which the key table does not know) are scrubbed too.
 */
export class DialogsOfClientHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(clientId: string): Promise<string[]> {
    const rows = await this.db.query<{ dialog_id: string }>(`SELECT dialog_id FROM read_models.dialog_list WHERE client_id = $1 ORDER BY dialog_id`, [
      clientId,
    ]);
    return rows.map((row) => row.dialog_id);
  }
}
