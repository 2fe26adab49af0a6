import { EventStoreDbEventStore, grantSwitchboardUser, HashChainedEventStore } from '@switchboard/event-store';
import { describeEventStoreContract, type ContractSubject } from '@switchboard/test-support/contract/event-store.contract';
import { startEventStoreDbCluster, startEventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';

/**
 * The contract over real gRPC with the official client: against the protocol double in CI, or
 * against a real server when EVENTSTOREDB_URL names one (e.g. the compose file's node).
 */
const realServer = process.env.EVENTSTOREDB_URL;

/** A port nobody listens on. */
const unreachable = () => new EventStoreDbEventStore('esdb://127.0.0.1:1?tls=false');

/**
 * As production runs it: three nodes in secure mode (TLS, users), Switchboard as a user without
 * admin rights, granted `$all` as docker/docker-compose.secure.yml grants it; the built-in
 * projections' links in `$all`; and a leader that changes when the contract says so.
 */
async function productionShapedDouble(): Promise<ContractSubject> {
  const admin = { username: 'admin', password: 'a-changed-admin-password', admin: true };
  const user = { username: 'switchboard', password: 'app-secret' };
  const cluster = await startEventStoreDbCluster(3, { secure: { users: [admin] } });
  const first = cluster.nodes[0];
  await grantSwitchboardUser({ adminConnectionString: first.connectionStringFor(admin), httpUrl: first.usersUrl ?? '', user });
  const store = new EventStoreDbEventStore(first.connectionStringFor(user));
  let leader = 0;
  return {
    store,
    writeHiddenRun: (count) => first.writeLinkRun(count),
    changeLeader: () => cluster.elect((leader = (leader + 1) % cluster.nodes.length)),
    unreachable,
    cleanup: async () => {
      await store.close();
      await cluster.stop();
    },
  };
}

describeEventStoreContract(
  `EventStoreDB over gRPC (${realServer ? 'real server' : 'protocol double: secure three-node cluster, user without admin rights'})`,
  async () => {
    if (!realServer) return productionShapedDouble();
    const store = new EventStoreDbEventStore(realServer);
    return { store, unreachable, cleanup: () => store.close() };
  },
  { refusesPartlyReusedIds: false },
);

describeEventStoreContract(
  'EventStoreDB over gRPC, hash-chained (protocol double)',
  async () => {
    const target = await startEventStoreDbDouble();
    const store = new HashChainedEventStore(new EventStoreDbEventStore(target.connectionString));
    return {
      store,
      writeHiddenRun: (count: number) => target.writeLinkRun(count),
      unreachable: () => new HashChainedEventStore(unreachable()),
      cleanup: async () => {
        await store.close();
        await target.stop();
      },
    };
  },
  { refusesPartlyReusedIds: false, addsMetadata: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: null } },
);
