import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { writeMessage } from './call-writer';
import type { EventLog } from './event-log';
import type { StoredEvent } from './log-records';
import { eventFilter, type EventFilter } from './filter';
import { toLogPosition } from './position';
import { streams } from './protocol';
import { eventMessage, linkResolution, streamNotFoundMessage } from './read-messages';
import type { NodeGuard } from './node-guard';
import { fail, rpcError } from './rpc-error';
import { subscribeToAll } from './subscription';

export type ReadCall = ServerWritableStream<streams.ReadReq, streams.ReadResp>;

/** What the double's Read calls have done: the calls still open, and the events sent so far. */
export interface ReadTraffic {
  readonly open: Set<ReadCall>;
  eventsSent: number;
}

const { ReadDirection, CountOptionCase, StreamOptionCase } = streams.ReadReq.Options;
const { RevisionOptionCase } = streams.ReadReq.Options.StreamOptions;
const { AllOptionCase } = streams.ReadReq.Options.AllOptions;

/**
 * `Streams.Read`: reads of one stream or of `$all` (forwards/backwards, with a count, `$all`
 * optionally filtered), and subscriptions to `$all`. Subscriptions to a single stream are not
 * served: the adapter does not use them.
 */
export function readHandler(log: EventLog, traffic: ReadTraffic, guard: NodeGuard): (call: ReadCall) => void {
  return (call) => {
    // Tracked so tests can see calls a client left open (e.g. a read abandoned mid-way).
    traffic.open.add(call);
    for (const end of ['finish', 'cancelled', 'close'] as const) call.once(end, () => traffic.open.delete(call));
    void serveRead(log, call, guard, traffic).catch((error: unknown) => {
      if (!call.cancelled) call.emit('error', rpcError(status.INTERNAL, String(error)));
    });
  };
}

async function serveRead(log: EventLog, call: ReadCall, guard: NodeGuard, traffic: ReadTraffic): Promise<void> {
  const options = call.request.getOptions();
  if (!options) return fail(call, rpcError(status.INVALID_ARGUMENT, 'ReadReq without options'));
  const named = options.getStreamOptionCase() === StreamOptionCase.STREAM ? options.getStream()?.getStreamIdentifier()?.getStreamName_asU8() : undefined;
  const admitted = guard.admit(call.metadata);
  if ('refused' in admitted) return fail(call, admitted.refused);
  const denied = guard.authorize(admitted.caller, named ? Buffer.from(named).toString('utf8') : '$all', 'read');
  if (denied) return fail(call, denied);
  let filter: EventFilter | undefined;
  try {
    filter = eventFilter(options);
  } catch (error) {
    return fail(call, rpcError(status.INVALID_ARGUMENT, `invalid filter: ${(error as Error).message}`));
  }
  const backwards = options.getReadDirection() === ReadDirection.BACKWARDS;
  if (options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION) {
    if (options.getStreamOptionCase() !== StreamOptionCase.ALL || backwards) {
      return fail(call, rpcError(status.UNIMPLEMENTED, 'the double serves subscriptions to $all only'));
    }
    return subscribeToAll(log, call, options.getAll(), filter, options.getResolveLinks(), traffic);
  }
  const count = BigInt(options.getCount() || '0');
  const events =
    options.getStreamOptionCase() === StreamOptionCase.STREAM
      ? readStream(log, options.getStream(), backwards)
      : readAll(log, options.getAll(), backwards, filter);
  if (typeof events === 'string') {
    await writeMessage(call, streamNotFoundMessage(events));
    call.end();
    return;
  }
  const from = options.getStreamOptionCase() === StreamOptionCase.STREAM ? 'stream' : 'all';
  let sent = 0n;
  for (const event of events) {
    if (sent >= count) break;
    if (!(await writeMessage(call, eventMessage(event, from, linkResolution(log, event, options.getResolveLinks()))))) return;
    sent += 1n;
    traffic.eventsSent += 1;
  }
  call.end();
}

/** The stream's events in read order from the requested revision, or its name if it does not exist. */
function readStream(log: EventLog, options: streams.ReadReq.Options.StreamOptions | undefined, backwards: boolean): Iterable<StoredEvent> | string {
  const streamId = Buffer.from(options?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const stream = log.stream(streamId);
  if (!stream) return streamId;
  const last = stream.events.length - 1;
  switch (options?.getRevisionOptionCase()) {
    case RevisionOptionCase.END:
      return backwards ? walk(stream.events, last, -1) : [];
    case RevisionOptionCase.REVISION: {
      const revision = BigInt(options.getRevision());
      // Backwards from beyond the end starts at the last event, as the server does.
      if (backwards) return walk(stream.events, revision > BigInt(last) ? last : Number(revision), -1);
      return revision > BigInt(last) ? [] : walk(stream.events, Number(revision), 1);
    }
    default:
      return backwards ? [] : walk(stream.events, 0, 1);
  }
}

/**
 * `$all` in read order: forwards from a position includes the event at it, backwards from a
 * position starts with the event before it (positions as the server gave them; the double does
 * not check that a position is an event boundary).
 */
function readAll(
  log: EventLog,
  options: streams.ReadReq.Options.AllOptions | undefined,
  backwards: boolean,
  filter: EventFilter | undefined,
): Iterable<StoredEvent> {
  const all = log.all;
  let start: number;
  switch (options?.getAllOptionCase()) {
    case AllOptionCase.END:
      start = backwards ? all.length - 1 : all.length;
      break;
    case AllOptionCase.POSITION: {
      const index = log.indexOf(toLogPosition(options.getPosition()), 'at_or_after');
      start = backwards ? index - 1 : index;
      break;
    }
    default:
      start = backwards ? -1 : 0;
  }
  const events = walk(all, start, backwards ? -1 : 1);
  return filter ? only(events, filter) : events;
}

function* walk(events: readonly StoredEvent[], from: number, step: 1 | -1): Generator<StoredEvent> {
  for (let i = from; i >= 0 && i < events.length; i += step) yield events[i];
}

function* only(events: Iterable<StoredEvent>, filter: EventFilter): Generator<StoredEvent> {
  for (const event of events) if (filter.matches(event)) yield event;
}
