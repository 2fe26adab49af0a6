/** The stream's current revision, and a row only if the expectation holds. */
const EXPECTATION = `
WITH current AS (
  SELECT coalesce((SELECT stream_revision FROM event_store.events
                    WHERE stream_id = $1 ORDER BY stream_revision DESC LIMIT 1), -1) AS revision
), accepted AS (
  SELECT revision, (pg_current_xact_id()::text::bigint) << 20 AS base FROM current
   WHERE $2 = 'any'
      OR ($2 = 'no_stream' AND revision = -1)
      OR ($2 = 'stream_exists' AND revision >= 0)
      OR ($2 = 'exact' AND revision = $3::bigint)
)`;

/** What the caller learns: the actual revision, and where the events went if any were. */
const OUTCOME = `
SELECT (SELECT revision FROM current) AS current_revision,
       max(position) AS last_position, max(stream_revision) AS next_revision
  FROM inserted`;

/**
 * One statement, one round trip per append: it reads the stream's current revision, checks the
 * expectation and inserts every event set-based. When the expectation fails it inserts nothing
 * and reports the actual revision. It runs as a named prepared statement, so the server plans
 * it once per connection.
 *
 * Positions are `transaction id << 20` plus the event's index: readers stay below the oldest
 * running transaction, so out-of-order commits are never skipped (see the migration). The
 * offset probe keeps positions unique if one transaction appends more than once.
 *
 * $1 stream id, $2 expectation ('any' | 'no_stream' | 'stream_exists' | 'exact'), $3 the exact
 * revision or null (a separate parameter: casting a text one could fail at plan time),
 * $4 event ids, $5 JSON array of {type, data, metadata}.
 */
export const APPEND_SQL = `
${EXPECTATION}, placed AS (
  SELECT revision, base + coalesce((SELECT max(position) + 1 - base FROM event_store.events
                                     WHERE position >= base AND position < base + (1::bigint << 20)), 0) AS first
    FROM accepted
), inserted AS (
  INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata)
  SELECT placed.first + e.ord - 1, ($4::uuid[])[e.ord], $1, placed.revision + e.ord,
         e.value->>'type', e.value->'data', coalesce(e.value->'metadata', '{}'::jsonb)
    FROM placed, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(value, ord)
  RETURNING position, stream_revision
)
${OUTCOME}`;

/**
 * The same for a single event, the common case of a command, with the event as plain
 * parameters: $4 id, $5 type, $6 data, $7 metadata. Skipping the JSON array halves the work
 * the server does besides the insert itself.
 */
export const APPEND_ONE_SQL = `
${EXPECTATION}, inserted AS (
  INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata)
  SELECT base + coalesce((SELECT max(position) + 1 - base FROM event_store.events
                           WHERE position >= base AND position < base + (1::bigint << 20)), 0),
         $4::uuid, $1, revision + 1, $5, $6::jsonb, $7::jsonb
    FROM accepted
  RETURNING position, stream_revision
)
${OUTCOME}`;

/** Where an append's ids already are: tells a retry from a conflicting reuse of ids. */
export const FIND_IDS_SQL = `
SELECT count(*) AS found, count(*) FILTER (WHERE stream_id = $1) AS found_here,
       max(stream_revision) AS next_revision, max(position) AS last_position
  FROM event_store.events WHERE event_id = ANY ($2::uuid[])`;
