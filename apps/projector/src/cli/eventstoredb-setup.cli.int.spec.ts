import { startEventStoreDbDouble, type EventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';
import { spawnSource } from '@switchboard/test-support/e2e/spawn-app';

/** The command the `eventstoredb-setup` service of docker/docker-compose.secure.yml runs, against the double in secure mode. */
describe('eventstoredb-setup.cli', () => {
  const admin = { username: 'admin', password: 'a-changed-admin-password', admin: true };
  let double: EventStoreDbDouble;
  beforeAll(async () => {
    double = await startEventStoreDbDouble({ secure: { users: [admin] } });
  });
  afterAll(() => double.stop());

  const run = async (env: Record<string, string>) => {
    const cli = spawnSource('apps/projector/src/cli/eventstoredb-setup.cli.ts', env);
    return { code: await cli.exited, output: cli.output() };
  };
  const env = (adminPassword = admin.password) => ({
    EVENTSTOREDB_URL: double.connectionStringFor({ username: 'switchboard', password: 'app-secret' }),
    EVENTSTOREDB_ADMIN_URL: double.connectionStringFor({ username: 'admin', password: adminPassword }),
    EVENTSTOREDB_HTTP_URL: double.usersUrl ?? '',
  });

  it('prepares the user the apps connect as, then finds it ready when run again', async () => {
    expect(await run(env())).toEqual({ code: 0, output: expect.stringContaining('EventStoreDB ready for switchboard (user created') });
    expect(await run(env())).toEqual({ code: 0, output: expect.stringContaining('EventStoreDB ready for switchboard (user existed') });
  });

  it('exits 1 naming what is wrong: a missing variable, or the admin password', async () => {
    expect(await run({ ...env(), EVENTSTOREDB_HTTP_URL: '' })).toEqual({ code: 1, output: expect.stringContaining('EVENTSTOREDB_HTTP_URL is required') });
    expect(await run(env('wrong'))).toEqual({ code: 1, output: expect.stringContaining('HTTP 401') });
  });
});
