import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { appendHandler } from './append-rpc';
import { batchAppendHandler } from './batch-append-rpc';
import { EventLog, type ProposedEvent } from './event-log';
import { ServerFeaturesService, StreamsService } from './protocol';
import { readHandler, type ReadCall } from './read-rpc';
import { serverFeaturesHandler } from './server-features-rpc';

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
}

export interface EventStoreDbDouble {
  /** `esdb://127.0.0.1:<port>?tls=false`: single node, insecure, no discovery. */
  readonly connectionString: string;
  /**
   * Read calls (reads and subscriptions) the double has not finished and the client has not
   * cancelled. A read the caller stopped consuming while the server still had data to send stays
   * open (HTTP/2 flow control), on a real server too, until the client cancels it or is disposed.
   */
  openReadCalls(): number;
  /** Closes the server; calls still open (subscriptions) are cancelled after a short grace. */
  stop(): Promise<void>;
}

/** Stand-ins for what a fresh server has written before any client appends. */
const SYSTEM_EVENTS: readonly [streamId: string, type: string, data: object][] = [
  ['$settings', '$settings', { $userStreamAcl: { $r: '$all', $w: '$all' } }],
  ['$user-admin', '$user', { loginName: 'admin', fullName: 'Event Store Administrator' }],
];

/**
 * An in-memory EventStoreDB speaking the real gRPC protocol on 127.0.0.1, for testing code
 * that uses the official client: streams (Read, Append, BatchAppend) and ServerFeatures.
 */
export async function startEventStoreDbDouble(options: EventStoreDbDoubleOptions = {}): Promise<EventStoreDbDouble> {
  const batchAppend = options.batchAppend ?? true;
  const log = new EventLog();
  if (options.systemEvents ?? true) {
    for (const [streamId, type, data] of SYSTEM_EVENTS) log.append(streamId, 'any', [systemEvent(type, data)]);
  }
  const openReads = new Set<ReadCall>();
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, openReads),
    append: appendHandler(log),
    // Unlisted methods (delete, tombstone, and BatchAppend when off) answer UNIMPLEMENTED.
    ...(batchAppend ? { batchAppend: batchAppendHandler(log) } : {}),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: serverFeaturesHandler({ batchAppend }) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    openReadCalls: () => openReads.size,
    stop: () => shutdown(server),
  };
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
