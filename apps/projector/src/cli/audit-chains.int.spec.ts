import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { eventStoreMigrations, HashChainedEventStore, NO_STREAM, PostgresEventStore, type EventToAppend } from '@switchboard/event-store';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { auditChains, formatChainAudit, isIntact } from './audit-chains';

const ROOT = resolve(__dirname, '../../../..');

/** A dialog's life as the command handlers record it. */
function dialogEvents(dialogId: string): EventToAppend[] {
  const metadata = (commandType: string) => ({
    actor: { kind: 'operator', id: 'op-1' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    commandType,
  });
  const at = new Date().toISOString();
  return [
    {
      id: randomUUID(),
      type: 'DialogOpened',
      data: { dialogId, direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' }, occurredAt: at },
      metadata: metadata('OpenDialog'),
    },
    {
      id: randomUUID(),
      type: 'MessageSent',
      data: { dialogId, messageId: randomUUID(), author: { kind: 'client', id: 'c-1' }, text: 'Where is my order?', attachments: [], occurredAt: at },
      metadata: metadata('SendMessage'),
    },
    {
      id: randomUUID(),
      type: 'OperatorAssigned',
      data: { dialogId, operatorId: 'op-1', previousOperatorId: null, reason: 'first_reply', occurredAt: at },
      metadata: metadata('SendMessage'),
    },
    {
      id: randomUUID(),
      type: 'MessageSent',
      data: { dialogId, messageId: randomUUID(), author: { kind: 'operator', id: 'op-1' }, text: 'Let me check.', attachments: [], occurredAt: at },
      metadata: metadata('SendMessage'),
    },
  ];
}

describe('verify: the hash chains of the PostgreSQL log', () => {
  let db: TestDatabase;
  let store: HashChainedEventStore;
  let sql: Client;
  const streams: string[] = [];
  const audit = (ids: string[] = []) => auditChains(store, db.url, ids, { quiet: true, pageSize: 3 });

  beforeAll(async () => {
    db = await createTestDatabase(eventStoreMigrations);
    store = new HashChainedEventStore(new PostgresEventStore({ connectionString: db.url }));
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    for (let i = 0; i < 3; i++) {
      const dialogId = randomUUID();
      const streamId = `dialog-${dialogId}`;
      const [opened, ...rest] = dialogEvents(dialogId);
      // Appended one command at a time, as the API does, so links cross appends.
      await store.appendToStream(streamId, [opened], { expectedRevision: NO_STREAM });
      await store.appendToStream(streamId, rest.slice(0, 2), { expectedRevision: 0n });
      await store.appendToStream(streamId, rest.slice(2), { expectedRevision: 2n });
      streams.push(streamId);
    }
  });
  afterAll(async () => {
    await sql.end();
    await store.close();
    await db.drop();
  });

  it('finds every chain intact, reading the whole log in pages', async () => {
    const summary = await audit();
    expect(summary).toEqual({ streams: 3, events: 12, unchained: 0, breaks: [], missingStreams: [] });
    expect(isIntact(summary)).toBe(true);
    expect(formatChainAudit(summary).at(-1)).toMatch(/^OK: 3 stream\(s\), 3 intact, 0 broken; 12 event\(s\)/);
  });

  it('names exactly the event whose data was edited in the table', async () => {
    const target = (await store.readStream(streams[0]))[2];
    await sql.query(`UPDATE event_store.events SET data = jsonb_set(data, '{operatorId}', '"op-2"') WHERE event_id = $1`, [target.id]);
    const summary = await audit();
    expect(summary.breaks).toEqual([
      expect.objectContaining({
        streamId: streams[0],
        revision: 2n,
        eventId: target.id,
        position: target.position,
        reason: 'data_edited',
        expected: target.metadata.hash,
      }),
    ]);
    expect(summary.breaks[0].found).not.toBe(target.metadata.hash);
    expect(isIntact(summary)).toBe(false);
    expect((await audit([streams[1]])).breaks).toEqual([]);
  });

  it('names the event after a deleted row: a link to a missing event', async () => {
    const [, second, third] = await store.readStream(streams[1]);
    await sql.query('DELETE FROM event_store.events WHERE event_id = $1', [second.id]);
    const summary = await audit([streams[1]]);
    expect(summary.breaks).toEqual([
      expect.objectContaining({ streamId: streams[1], revision: 2n, eventId: third.id, reason: 'event_missing', found: second.metadata.hash }),
    ]);
  });

  it('reports a named stream that does not exist', async () => {
    const summary = await audit([`dialog-${randomUUID()}`]);
    expect(summary.missingStreams).toHaveLength(1);
    expect(isIntact(summary)).toBe(false);
  });

  it('runs as npm run verify: exit code 0 for an intact stream, 1 with the broken link named', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/projector/src/cli/verify.cli.ts', '--quiet', ...args],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
        },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const intact = await run([streams[2]]);
    expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining('OK: 1 stream(s), 1 intact') });
    const broken = await run([]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN ${streams[0]} at revision 2`);
    expect(broken.stdout).toContain('data edited');
    expect(broken.stdout).toContain(`BROKEN ${streams[1]} at revision 2`);
    expect(broken.stdout).toContain('event missing');
  }, 60_000);
});
