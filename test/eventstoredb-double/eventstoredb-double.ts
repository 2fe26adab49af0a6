import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { appendHandler } from './append-rpc';
import { batchAppendHandler } from './batch-append-rpc';
import { EventLog } from './event-log';
import { FaultQueue, type Fault } from './faults';
import type { ProposedEvent } from './log-records';
import { nodeGuard, type DoubleUser, type Endpoint, type UserDirectory } from './node-guard';
import { ServerFeaturesService, StreamsService } from './protocol';
import { readHandler, type ReadTraffic } from './read-rpc';
import { serverFeaturesHandler } from './server-features-rpc';
import { linkTo } from './system-projections';
import { startUsersEndpoint } from './users-http';

export type { DoubleUser } from './node-guard';
export type { Fault } from './faults';

export interface EventStoreDbDoubleOptions {
  /**
   * Advertise and serve `BatchAppend` (default true). Real servers since 21.10 do, and then the
   * v6 client appends through it; false leaves only `Append`, the path for older servers and for
   * appends with per-call credentials.
   */
  readonly batchAppend?: boolean;
  /**
   * Begin `$all` with a few `$`-prefixed system events (default true), because a real server's
   * log always holds its own events and readers of `$all` must skip them.
   */
  readonly systemEvents?: boolean;
  /**
   * Run the built-in projections (default true): every append is followed in `$all` by the
   * `$>` links `$by_category`, `$by_event_type` and `$streams` write, as on the compose node.
   */
  readonly projections?: boolean;
  /**
   * Secure mode: TLS with the self-signed test certificate in `tls/`, and these users (more can
   * be created over HTTP, `usersUrl`). The connection string then carries the first user's name
   * and password.
   */
  readonly secure?: { readonly users: readonly DoubleUser[] };
}

export interface EventStoreDbDouble {
  /**
   * Single node, no discovery: `esdb://127.0.0.1:<port>?tls=false`, or in secure mode
   * `esdb://<user>:<password>@127.0.0.1:<port>?tls=true&tlsCAFile=<the test CA>`.
   */
  readonly connectionString: string;
  /** The connection string with another user's credentials (secure mode). */
  connectionStringFor(user: { username: string; password: string }): string;
  readonly endpoint: Endpoint;
  /** Secure mode: `https://127.0.0.1:<port>`, where `POST /users/` creates a user, as on a server's HTTP port. */
  readonly usersUrl?: string;
  /** The CA that signed the node's certificate (secure mode), as `tlsCAFile` names it. */
  readonly tlsCAFile: string;
  /**
   * Read calls (reads and subscriptions) the double has not finished and the client has not
   * cancelled. A read the caller stopped consuming while the server still had data to send stays
   * open (HTTP/2 flow control), on a real server too, until the client cancels it or is disposed.
   */
  openReadCalls(): number;
  /** Events (links included) this node has sent to readers and subscribers so far: what a read cost on the wire. */
  eventsSent(): number;
  /**
   * The next `count` calls that can meet `fault` answer with it instead (see `faults.ts`): a
   * node not ready, or an append's commit timing out.
   */
  failNext(fault: Fault, count?: number): void;
  /**
   * Appends `count` links to `$ce-<category>` at once, as a projection catching up (or a new
   * user projection) writes them: each points to an earlier event of the log in turn, and every
   * `unresolvedEvery`-th one to an event that is gone. For tests of long runs of links.
   */
  writeLinkRun(count: number, options?: { category?: string; unresolvedEvery?: number }): void;
  /** Closes the server; calls still open (subscriptions) are cancelled after a short grace. */
  stop(): Promise<void>;
}

export interface EventStoreDbCluster {
  readonly nodes: readonly EventStoreDbDouble[];
  /** Makes another node the leader, as an election after the leader failed or stepped down. */
  elect(index: number): void;
}

/** Stand-ins for what a fresh server has written before any client appends. */
const SYSTEM_EVENTS: readonly [streamId: string, type: string, data: object][] = [
  ['$settings', '$settings', { $userStreamAcl: { $r: '$all', $w: '$all' } }],
  ['$user-admin', '$user', { loginName: 'admin', fullName: 'Event Store Administrator' }],
];

const TLS_DIR = join(__dirname, 'tls');

/**
 * An in-memory EventStoreDB speaking the real gRPC protocol on 127.0.0.1, for testing code
 * that uses the official client: streams (Read, Append, BatchAppend) and ServerFeatures.
 */
export async function startEventStoreDbDouble(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
  return startNode(newShared(options), options, () => undefined);
}

/**
 * Nodes sharing one log, one of them leader (the first, until `elect`). Followers answer calls
 * that say `requires-leader` with `not-leader` and the leader's address; the others they serve.
 * No gossip: connect to one node's connection string, as a client given a single endpoint does.
 */
export async function startEventStoreDbCluster(
  size: number,
  options: EventStoreDbDoubleOptions = {},
): Promise<EventStoreDbCluster & { stop(): Promise<void> }> {
  const shared = newShared(options);
  let leader = 0;
  const nodes: EventStoreDbDouble[] = [];
  for (let i = 0; i < size; i++) nodes.push(await startNode(shared, options, () => (leader === i ? undefined : nodes[leader].endpoint)));
  return {
    nodes,
    elect: (index) => void (leader = index),
    stop: async () => void (await Promise.all(nodes.map((node) => node.stop()))),
  };
}

/** What the nodes of one cluster share: the log, and in secure mode the users. */
interface Shared {
  readonly log: EventLog;
  readonly users?: UserDirectory;
}

function newShared(options: EventStoreDbDoubleOptions): Shared {
  const users = options.secure && new Map(options.secure.users.map((user) => [user.username, user]));
  return { log: newLog(options), users };
}

function newLog(options: EventStoreDbDoubleOptions): EventLog {
  const log = new EventLog({ projections: options.projections ?? true });
  if (options.systemEvents ?? true) {
    for (const [streamId, type, data] of SYSTEM_EVENTS) log.append(streamId, 'any', [systemEvent(type, data)]);
  }
  return log;
}

async function startNode(shared: Shared, options: EventStoreDbDoubleOptions, leader: () => Endpoint | undefined): Promise<EventStoreDbDouble> {
  const { log, users } = shared;
  const batchAppend = options.batchAppend ?? true;
  const faults = new FaultQueue();
  const guard = nodeGuard({ log, users, leader, faults });
  const traffic: ReadTraffic = { open: new Set(), eventsSent: 0 };
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, traffic, guard),
    append: appendHandler(log, guard),
    // Unlisted methods (delete, tombstone, and BatchAppend when off) answer UNIMPLEMENTED.
    ...(batchAppend ? { batchAppend: batchAppendHandler(log, guard) } : {}),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: serverFeaturesHandler({ batchAppend }) });
  const tls = { cert: readFileSync(join(TLS_DIR, 'node.crt')), key: readFileSync(join(TLS_DIR, 'node.key')) };
  const credentials = users ? ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }]) : ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const usersEndpoint = users && (await startUsersEndpoint(users, tls));
  const tlsCAFile = join(TLS_DIR, 'ca.crt');
  const connectionStringFor = (user: { username: string; password: string }) =>
    `esdb://${encodeURIComponent(user.username)}:${encodeURIComponent(user.password)}@127.0.0.1:${port}?tls=true&tlsCAFile=${tlsCAFile}`;
  const firstUser = options.secure?.users[0];
  return {
    connectionString: firstUser ? connectionStringFor(firstUser) : `esdb://127.0.0.1:${port}?tls=false`,
    connectionStringFor,
    endpoint: { host: '127.0.0.1', port },
    usersUrl: usersEndpoint?.url,
    tlsCAFile,
    openReadCalls: () => traffic.open.size,
    eventsSent: () => traffic.eventsSent,
    failNext: (fault, count = 1) => faults.add(fault, count),
    writeLinkRun: (count, run = {}) => writeLinkRun(log, count, run),
    stop: async () => {
      await usersEndpoint?.stop();
      await shutdown(server);
    },
  };
}

function writeLinkRun(log: EventLog, count: number, { category = 'dialog', unresolvedEvery = 10 }: { category?: string; unresolvedEvery?: number }): void {
  const targets = log.all.filter((event) => !event.streamId.startsWith('$'));
  const links: ProposedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const target = targets[i % Math.max(1, targets.length)];
    const gone = !target || (unresolvedEvery > 0 && i % unresolvedEvery === unresolvedEvery - 1);
    links.push(gone ? linkTo(`${category}-gone-${randomUUID()}`, 0n) : linkTo(target.streamId, target.revision));
  }
  log.appendSystem(`$ce-${category}`, links);
}

async function shutdown(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, 500);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

function systemEvent(type: string, data: object): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    customMetadata: new Uint8Array(),
  };
}
