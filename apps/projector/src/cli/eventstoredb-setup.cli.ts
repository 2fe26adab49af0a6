import { credentialsOf, EventStoreDbEventStore, grantSwitchboardUser } from '@switchboard/event-store';

/**
 * `node dist/apps/projector/src/cli/eventstoredb-setup.cli.js`: prepares a secure EventStoreDB
 * for Switchboard's non-admin user, as the `eventstoredb-setup` service of
 * docker/docker-compose.secure.yml runs it once before the API and the projector start.
 * Reads EVENTSTOREDB_URL (Switchboard's own connection string: its user and password),
 * EVENTSTOREDB_ADMIN_URL and EVENTSTOREDB_HTTP_URL; then checks, as that user, that the head of
 * `$all` can be read. Exit code 0 when ready, 1 otherwise.
 */
async function main(): Promise<void> {
  const required = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const userUrl = required('EVENTSTOREDB_URL');
  const { userCreated } = await grantSwitchboardUser({
    adminConnectionString: required('EVENTSTOREDB_ADMIN_URL'),
    httpUrl: required('EVENTSTOREDB_HTTP_URL'),
    user: credentialsOf(userUrl),
  });
  const store = new EventStoreDbEventStore(userUrl);
  try {
    await store.ping();
    const head = await store.headPosition();
    console.log(`EventStoreDB ready for ${credentialsOf(userUrl).username} (${userCreated ? 'user created' : 'user existed'}; head ${head ?? 'none'})`);
  } finally {
    await store.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
