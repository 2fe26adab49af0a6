import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { FORMER_DEVELOPMENT_JWT_SECRET } from '@switchboard/api/auth/auth.config';
import { mintToken } from '@switchboard/api/auth/mint-token';
import { freePort, spawnApp, spawnSource, type SpawnedApp } from './spawn-app';

/**
 * `npm start` as a newcomer runs it, on a machine others can reach: no key configured, so the
 * service generates its own secret and database password beside the data, answers on loopback
 * only, and refuses every setup where a secret nobody chose would guard a network.
 */
const STARTUP_MS = 150_000;

describe('secure by default on one machine', () => {
  let dataRoot: string;
  let pgPort: number;
  let httpPort: number;
  const dataDir = () => join(dataRoot, 'pg');
  // Whatever the machine running the tests has configured, none of it applies here.
  const noKey = { DATABASE_URL: '', JWT_SECRET: '', JWT_PUBLIC_KEY: '', JWT_JWKS_URL: '', HOST: '', LOG_LEVEL: 'info' };
  const env = () => ({ ...noKey, EMBEDDED_PG_DATA_DIR: dataDir(), EMBEDDED_PG_PORT: String(pgPort), PORT: String(httpPort) });
  // Starting takes seconds, but on a loaded machine (CI, parallel test files) far more.
  const start = () => spawnApp(env(), STARTUP_MS);
  const kept = (suffix: string) => readFile(`${dataDir()}.${suffix}`, 'utf8').then((text) => text.trim());

  beforeAll(async () => {
    [pgPort, httpPort] = [await freePort(), await freePort()];
    dataRoot = await mkdtemp(join(tmpdir(), 'switchboard-secure-'));
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the directory.
    await chmod(dataRoot, 0o755);
  });
  afterAll(() => rm(dataRoot, { recursive: true, force: true }));

  it(
    'generates a secret and a database password (0600), keeps both across a restart, and refuses the former public secret',
    async () => {
      let app: SpawnedApp = await start();
      try {
        for (const suffix of ['jwt-secret', 'password']) {
          expect((await stat(`${dataDir()}.${suffix}`)).mode & 0o777).toBe(0o600);
        }
        const [secret, password] = [await kept('jwt-secret'), await kept('password')];
        expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
        expect(Buffer.from(password, 'base64url')).toHaveLength(32);
        expect(app.output()).toContain(`${dataDir()}.jwt-secret`);
        expect(app.output()).toContain('npm run -s token');

        // The README's first request: a token from `npm run token`, which reads the same file.
        const admin = await mintedByScript(['--role', 'admin', '--sub', 'admin-1']);
        expect((await createLine(app, admin, 'support')).status).toBe(201);
        expect((await listDialogs(app, mintToken({ sub: 'op-1', role: 'operator', secret: FORMER_DEVELOPMENT_JWT_SECRET }))).status).toBe(401);

        // The embedded server takes the kept password, and the one that used to be in the code no more.
        await expect(connects(password)).resolves.toBe(true);
        await expect(connects('postgres')).resolves.toBe(false);

        expect([0, 143]).toContain(await app.stop());
        app = await start();
        expect([await kept('jwt-secret'), await kept('password')]).toEqual([secret, password]);
        expect((await createLine(app, admin, 'sales')).status).toBe(201);
        await expect(connects(password)).resolves.toBe(true);

        // A CLI finds the server the service runs by the data directory alone (the port given
        // here is wrong on purpose), and keeps its log off stdout.
        const verify = spawnSource('apps/projector/src/cli/verify.cli.ts', { ...env(), EMBEDDED_PG_PORT: String(await freePort()) });
        expect(await verify.exited).toBe(0);
        expect(verify.output()).toContain(`using the embedded PostgreSQL already running on port ${pgPort}`);
        expect(verify.output()).not.toContain('starting embedded PostgreSQL');
        expect(verify.stdout()).toMatch(/^OK: 2 stream\(s\), 2 intact, 0 broken; 2 event\(s\)[^\n]*\n$/);
      } finally {
        await app.stop();
      }
    },
    3 * STARTUP_MS,
  );

  it(
    'gives a fresh data directory its own secret',
    async () => {
      const other = join(dataRoot, 'other');
      const token = await mintedByScript(['--role', 'admin', '--sub', 'admin-1'], { EMBEDDED_PG_DATA_DIR: other });
      const [mine, theirs] = [await kept('jwt-secret'), (await readFile(`${other}.jwt-secret`, 'utf8')).trim()];
      expect(theirs).not.toBe(mine);
      expect((await stat(`${other}.jwt-secret`)).mode & 0o777).toBe(0o600);
      const app = await start();
      try {
        expect((await listDialogs(app, token)).status).toBe(401);
      } finally {
        await app.stop();
      }
    },
    2 * STARTUP_MS,
  );

  it(
    'answers on loopback only',
    async () => {
      const app = await start();
      try {
        expect(app.output()).toContain(`listening on http://127.0.0.1:${httpPort}`);
        const external = Object.values(networkInterfaces())
          .flat()
          .filter((a) => a !== undefined && !a.internal && a.family === 'IPv4')
          .map((a) => a!.address);
        for (const address of external) {
          await expect(fetch(`http://${address}:${httpPort}/health`)).rejects.toThrow();
        }
      } finally {
        await app.stop();
      }
    },
    2 * STARTUP_MS,
  );

  it.each([
    ['bound to a network address', { HOST: '0.0.0.0' }, /HOST=0\.0\.0\.0 .*JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL/],
    ['given DATABASE_URL', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, /set JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL.*DATABASE_URL/],
  ])('without a configured key, does not start when %s, and says what to set', async (_, extra, reason) => {
    const refused = join(dataRoot, 'refused');
    const started = spawnSource('apps/switchboard/src/main.ts', { ...env(), EMBEDDED_PG_DATA_DIR: refused, ...extra });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(reason);
    // Refused before anything started: no database, no secret generated for a refused setup.
    await expect(stat(refused)).rejects.toThrow();
    await expect(stat(`${refused}.jwt-secret`)).rejects.toThrow();
  });

  async function mintedByScript(args: string[], extra: Record<string, string> = {}): Promise<string> {
    const script = spawnSource('scripts/mint-dev-token.ts', { ...env(), ...extra }, args);
    expect(await script.exited).toBe(0);
    return script.stdout().trim();
  }

  function connects(password: string): Promise<boolean> {
    const client = new Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password, database: 'postgres' });
    client.on('error', () => undefined);
    return client.connect().then(
      () => client.end().then(() => true),
      () => false,
    );
  }
});

function createLine(app: SpawnedApp, token: string, lineId: string): Promise<Response> {
  return fetch(`${app.baseUrl}/lines`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ lineId, name: lineId, routingMode: 'manual' }),
  });
}

function listDialogs(app: SpawnedApp, token: string): Promise<Response> {
  return fetch(`${app.baseUrl}/dialogs`, { headers: { Authorization: `Bearer ${token}` } });
}
