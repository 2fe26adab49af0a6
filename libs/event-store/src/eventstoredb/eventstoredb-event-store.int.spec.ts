import { EventStoreDbEventStore, HashChainedEventStore } from '@switchboard/event-store';
import { describeEventStoreContract } from '@switchboard/test-support/contract/event-store.contract';
import { startEventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';

/**
 * The contract over real gRPC with the official client: against the protocol double in CI, or
 * against a real server when EVENTSTOREDB_URL names one (e.g. the compose file's node).
 */
const realServer = process.env.EVENTSTOREDB_URL;

describeEventStoreContract(
  `EventStoreDB over gRPC (${realServer ? 'real server' : 'protocol double'})`,
  async () => {
    const target = realServer ? { connectionString: realServer, stop: async () => undefined } : await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore(target.connectionString);
    return {
      store,
      writeHiddenRun: 'writeLinkRun' in target ? (count: number) => target.writeLinkRun(count) : undefined,
      cleanup: async () => {
        await store.close();
        await target.stop();
      },
    };
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
      cleanup: async () => {
        await store.close();
        await target.stop();
      },
    };
  },
  { refusesPartlyReusedIds: false, addsMetadata: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: null } },
);
