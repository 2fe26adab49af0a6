import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM, PostgresEventStore } from '@switchboard/event-store';
import { freePort, spawnApp } from './spawn-app';

/**
 * What a newcomer sees: no DATABASE_URL, so the service starts its own PostgreSQL, keeps the
 * data in a directory, stops it on SIGTERM and finds the data again after a restart.
 */
describe('embedded PostgreSQL when DATABASE_URL is absent', () => {
  let dataRoot: string;
  let pgPort: number;
  let httpPort: number;
  const env = () => ({ DATABASE_URL: '', EMBEDDED_PG_DATA_DIR: join(dataRoot, 'pg'), EMBEDDED_PG_PORT: String(pgPort), PORT: String(httpPort) });
  // The password the service generated on its first start and keeps beside the data.
  let password = '';
  const databaseUrl = () => `postgres://postgres:${password}@localhost:${pgPort}/switchboard`;
  beforeAll(async () => {
    [pgPort, httpPort] = [await freePort(), await freePort()];
    dataRoot = await mkdtemp(join(tmpdir(), 'switchboard-e2e-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the directory.
    await chmod(dataRoot, 0o755);
  });
  afterAll(() => rm(dataRoot, { recursive: true, force: true }));

  it('starts a real server, serves /health, and keeps events across a restart', async () => {
    const streamId = `dialog-${randomUUID()}`;
    const first = await spawnApp(env(), 120_000);
    expect(first.output()).toContain(join(dataRoot, 'pg'));
    expect(first.output()).toContain('DATABASE_URL');
    password = encodeURIComponent((await readFile(`${join(dataRoot, 'pg')}.password`, 'utf8')).trim());
    const writer = new PostgresEventStore({ connectionString: databaseUrl() });
    await writer.appendToStream(streamId, [{ id: randomUUID(), type: 'DialogOpened', data: { channel: 'email' } }], {
      expectedRevision: NO_STREAM,
    });
    await writer.close();
    // 143 is 128 + SIGTERM: the shutdown hooks ran, then the signal ended the process.
    expect([0, 143]).toContain(await first.stop());
    // The embedded server stopped with the app: nothing answers on its port any more.
    const gone = new PostgresEventStore({ connectionString: databaseUrl() });
    await expect(gone.ping()).rejects.toThrow();
    await gone.close();

    const second = await spawnApp(env(), 120_000);
    const reader = new PostgresEventStore({ connectionString: databaseUrl() });
    try {
      const events = await reader.readStream(streamId);
      expect(events.map((e) => e.data)).toEqual([{ channel: 'email' }]);
    } finally {
      await reader.close();
      await second.stop();
    }
    // Two starts, the first with initdb: on a loaded machine that takes more than the default minute.
  }, 240_000);
});
