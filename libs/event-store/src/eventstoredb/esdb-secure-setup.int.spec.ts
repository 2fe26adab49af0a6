import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore, grantSwitchboardUser, NO_STREAM } from '@switchboard/event-store';
import { startEventStoreDbDouble, type EventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';

/** The setup a secure server needs before Switchboard runs on it as a plain user, against the double in secure mode. */
describe('grantSwitchboardUser (secure EventStoreDB)', () => {
  const admin = { username: 'admin', password: 'a-changed-admin-password', admin: true };
  const user = { username: 'switchboard', password: `app-${randomUUID()}` };
  let double: EventStoreDbDouble;
  const setup = () => ({ adminConnectionString: double.connectionStringFor(admin), httpUrl: double.usersUrl ?? '', user });
  const storeOf = (connectionString: string) => new EventStoreDbEventStore(connectionString);

  beforeAll(async () => {
    double = await startEventStoreDbDouble({ secure: { users: [admin] } });
  });
  afterAll(() => double.stop());

  it('creates the user, grants it $all, and the adapter then runs as that user without admin rights', async () => {
    const before = storeOf(double.connectionStringFor(user));
    try {
      await expect(before.ping()).rejects.toThrow(/credentials|denied/i);
    } finally {
      await before.close();
    }

    expect(await grantSwitchboardUser(setup())).toEqual({ userCreated: true });

    const store = storeOf(double.connectionStringFor(user));
    try {
      await store.ping();
      const written = await store.appendToStream(`dialog-${randomUUID()}`, [{ id: randomUUID(), type: 'DialogOpened', data: {} }], {
        expectedRevision: NO_STREAM,
      });
      expect(await store.headPosition()).toBe(written.position);
      expect((await store.readAll({ after: (await store.readAll()).at(-2)?.position })).map((e) => e.position)).toEqual([written.position]);
      await expect(store.readStream('$settings')).rejects.toThrow(/denied/i);
    } finally {
      await store.close();
    }
  });

  it('changes nothing when run again, and keeps the roles $all already granted', async () => {
    const other = { username: 'reporting', password: 'r' };
    await grantSwitchboardUser({ ...setup(), user: other });
    expect(await grantSwitchboardUser(setup())).toEqual({ userCreated: false });
    for (const who of [user, other]) {
      const store = storeOf(double.connectionStringFor(who));
      try {
        await expect(store.headPosition()).resolves.toBeDefined();
      } finally {
        await store.close();
      }
    }
  });

  it('fails naming the HTTP status when the admin credentials are wrong', async () => {
    const wrongAdmin = double.connectionStringFor({ username: 'admin', password: 'changeit' });
    await expect(grantSwitchboardUser({ ...setup(), adminConnectionString: wrongAdmin, user: { username: 'x', password: 'y' } })).rejects.toThrow(/HTTP 401/);
  });
});
