import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/**
 * The floor of an event-sourced command, with no framework: `POST /streams/:id/events` reads
 * the stream's events, appends one event at the next revision with a durable commit (the
 * server's synchronous_commit, on in the benchmark) and answers JSON. It uses a table of the
 * event store's own shape (its migration), in a database of its own, over as many connections
 * as the event store's pool. Started by bench:load as a process of its own, like the API.
 *
 * Env: DATABASE_URL, PORT.
 */
const POOL_SIZE = 10;

const READ_STREAM = {
  name: 'baseline-read-stream',
  text: `SELECT position, event_id, stream_revision, type, data, metadata, recorded_at
           FROM event_store.events WHERE stream_id = $1 ORDER BY stream_revision`,
};

// Same position rule as the store (transaction id << 20), one event per transaction.
const APPEND = {
  name: 'baseline-append',
  text: `INSERT INTO event_store.events (position, event_id, stream_id, stream_revision, type, data, metadata)
         VALUES ((pg_current_xact_id()::text::bigint) << 20, $1, $2, $3, $4, $5, $6)
         RETURNING position::text`,
};

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: POOL_SIZE });
const ROUTE = /^\/streams\/([A-Za-z0-9-]{1,100})\/events$/;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === '/health') return answer(res, 200, { status: 'ok' });
  const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
  if (!match) return answer(res, 404, { title: 'not found' });
  const body = JSON.parse(await readBody(req)) as { type: string; data: unknown };
  const streamId = match[1];
  const { rows: events } = await pool.query({ ...READ_STREAM, values: [streamId] });
  const revision = events.length;
  const { rows } = await pool.query<{ position: string }>({
    ...APPEND,
    values: [randomUUID(), streamId, revision, body.type, JSON.stringify(body.data), JSON.stringify({ correlationId: randomUUID() })],
  });
  answer(res, 201, { position: rows[0].position, revision: String(revision) });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => answer(res, 500, { title: String(error) }));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1');

// Orphaned when the benchmark dies without stopping it: it goes too, rather than linger.
setInterval(() => process.ppid === 1 && process.exit(0), 1000).unref();

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
