import { randomUUID } from 'node:crypto';
import { AccessDeniedError, EventStoreDBClient, NO_STREAM, NotLeaderError, START, StreamNotFoundError } from '@eventstore/db-client';
import { EventStoreDbEventStore, EventStoreUnavailableError } from '@switchboard/event-store';
import { startEventStoreDbCluster, startEventStoreDbDouble } from './eventstoredb-double';
import { collect, event } from './spec-support';

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** What production servers have that a fresh insecure node does not: projection links, a cluster, secure mode. */
describe('EventStoreDB double as production runs it', () => {
  it('follows each append with the built-in projections links, resolved on request, a gone target left as a bare link', async () => {
    const double = await startEventStoreDbDouble();
    const client = EventStoreDBClient.connectionString(double.connectionString);
    try {
      const stream = `dialog-${randomUUID()}`;
      await client.appendToStream(stream, event('DialogOpened'), { expectedRevision: NO_STREAM });
      double.writeLinkRun(2, { unresolvedEvery: 2 });

      const plain = (await collect(client.readAll({ fromPosition: START }))).slice(-6);
      expect(plain.map((r) => `${r.event?.streamId} ${r.event?.type}`)).toEqual([
        `${stream} DialogOpened`,
        '$ce-dialog $>',
        '$et-DialogOpened $>',
        '$streams $>',
        '$ce-dialog $>',
        '$ce-dialog $>',
      ]);

      const resolved = (await collect(client.readAll({ fromPosition: START, resolveLinkTos: true }))).slice(-2);
      expect(resolved[0].event?.streamId).toBe(stream);
      expect(resolved[0].link?.type).toBe('$>');
      expect(resolved[0].commitPosition).toBe(resolved[0].link?.position?.commit);
      expect(resolved[1].event).toBeUndefined();
      expect(resolved[1].link?.streamId).toBe('$ce-dialog');
    } finally {
      await client.dispose();
      await double.stop();
    }
  });

  it('answers requires-leader calls on a follower with NotLeader and the leader, where the adapter reconnects after one unavailable', async () => {
    const cluster = await startEventStoreDbCluster(3);
    const raw = EventStoreDBClient.connectionString(cluster.nodes[1].connectionString);
    const store = new EventStoreDbEventStore(cluster.nodes[1].connectionString);
    try {
      const refused = await failureOf(raw.appendToStream(`dialog-${randomUUID()}`, event('DialogOpened'), { requiresLeader: true }));
      expect(refused).toBeInstanceOf(NotLeaderError);
      expect((refused as NotLeaderError).leader).toEqual({ address: '127.0.0.1', port: cluster.nodes[0].endpoint.port });
      // Without requires-leader a follower serves the call (a server forwards the write).
      await raw.appendToStream(`dialog-${randomUUID()}`, event('DialogOpened'));

      const stream = `dialog-${randomUUID()}`;
      const first = await failureOf(store.appendToStream(stream, [{ id: randomUUID(), type: 'DialogOpened', data: {} }], { expectedRevision: NO_STREAM }));
      expect(first).toBeInstanceOf(EventStoreUnavailableError);
      const written = await store.appendToStream(stream, [{ id: randomUUID(), type: 'DialogOpened', data: {} }], { expectedRevision: NO_STREAM });
      expect(await store.headPosition()).toBe(written.position);

      cluster.elect(2);
      expect(await failureOf(store.readStream(stream))).toBeInstanceOf(EventStoreUnavailableError);
      expect(await store.readStream(stream)).toHaveLength(1);
    } finally {
      await raw.dispose();
      await store.close();
      await cluster.stop();
    }
  });

  it('serves TLS and users: a plain user reads `$all` only once an admin grants it in its ACL, and never other system streams', async () => {
    const users = [
      { username: 'switchboard', password: 'app-secret', admin: false },
      { username: 'admin', password: 'changeit', admin: true },
    ];
    const double = await startEventStoreDbDouble({ secure: { users } });
    const plain = EventStoreDBClient.connectionString(double.connectionString);
    const admin = EventStoreDBClient.connectionString(double.connectionStringFor(users[1]));
    const wrong = EventStoreDBClient.connectionString(double.connectionStringFor({ username: 'switchboard', password: 'guess' }));
    try {
      expect(double.connectionString).toMatch(/^esdb:\/\/switchboard:app-secret@127\.0\.0\.1:\d+\?tls=true&tlsCAFile=/);
      expect(await failureOf(collect(plain.readStream('$settings')))).toBeInstanceOf(AccessDeniedError);
      expect(await collect(admin.readStream('$settings'))).toHaveLength(1);
      expect(await failureOf(collect(wrong.readStream('dialog-x')))).toBeInstanceOf(AccessDeniedError);
      // Its own streams need no grant: write, read, and read a stream that does not exist.
      await plain.appendToStream(`dialog-${randomUUID()}`, event('DialogOpened'), { expectedRevision: NO_STREAM });
      expect(await failureOf(collect(plain.readStream(`dialog-${randomUUID()}`)))).toBeInstanceOf(StreamNotFoundError);
      expect(await failureOf(plain.appendToStream('$settings', event('$settings')))).toBeInstanceOf(AccessDeniedError);

      expect(await failureOf(collect(plain.readAll({ maxCount: 1 })))).toBeInstanceOf(AccessDeniedError);
      await admin.setStreamMetadata('$all', { acl: { readRoles: ['$admins', 'switchboard'] } });
      expect(await collect(plain.readAll({ maxCount: 1 }))).toHaveLength(1);
      expect(await failureOf(collect(plain.readStream('$$$all')))).toBeInstanceOf(AccessDeniedError);
    } finally {
      await Promise.all([plain.dispose(), admin.dispose(), wrong.dispose()]);
      await double.stop();
    }
  });
});
