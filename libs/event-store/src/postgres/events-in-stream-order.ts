import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './row-mapping';

/**
 * The whole log grouped by stream, each stream in revision order, in keyset pages over the
 * (stream_id, stream_revision) index: what an audit of every chain reads, one stream after
 * another, in constant memory. Streams appended to meanwhile are read as far as the page finds them.
 */
export async function* eventsInStreamOrder(pool: Pool, pageSize = 2000): AsyncGenerator<RecordedEvent> {
  let after: { streamId: string; revision: string } | undefined;
  for (;;) {
    const { rows } = after
      ? await pool.query<EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM event_store.events
            WHERE (stream_id, stream_revision) > ($1, $2) ORDER BY stream_id, stream_revision LIMIT $3`,
          [after.streamId, after.revision, pageSize],
        )
      : await pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM event_store.events ORDER BY stream_id, stream_revision LIMIT $1`, [pageSize]);
    for (const row of rows) yield toRecordedEvent(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { streamId: last.stream_id, revision: last.stream_revision };
  }
}

/** How many events the log holds, for a progress bar. */
export async function countLogEvents(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
  return Number(rows[0].n);
}
