import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { ExpectedRevision } from './append-decision';
import type { EventLog } from './event-log';
import type { AppendOutcome, ProposedEvent } from './log-records';
import { GoogleAny, GoogleEmpty, shared, Status, streams } from './protocol';
import { writesAnyway, type Fault } from './faults';
import type { NodeGuard } from './node-guard';
import { appendSize, MAX_APPEND_SIZE, toProposedEvent, uuidString } from './proposed-event';

const { BatchAppendResp } = streams;
const { ExpectedStreamPositionCase } = streams.BatchAppendReq.Options;

interface PendingWrite {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly events: ProposedEvent[];
  size: number;
}

/**
 * `Streams.BatchAppend`, the path the client takes when the server advertises it (every server
 * since 21.10 does): one long-lived bidirectional call; each append is a correlation id whose
 * options come in its first request and whose events may span several requests up to the one
 * marked final. Each append gets exactly one answer: success, or an error status (a
 * google.rpc.Status whose details carry the typed error, e.g. WrongExpectedVersion).
 */
export function batchAppendHandler(log: EventLog, guard: NodeGuard) {
  return (call: ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>): void => {
    // Refused as a whole (credentials, leadership, a node not ready when the call starts): the
    // call ends with the error status. Timeouts meet the appends inside it, one at a time.
    const admitted = guard.admit(call.metadata);
    if ('refused' in admitted) return void call.emit('error', admitted.refused);
    const pending = new Map<string, PendingWrite>();
    call.on('data', (request: streams.BatchAppendReq) => {
      const correlationId = uuidString(request.getCorrelationId());
      const options = request.getOptions();
      const answer = (streamId: string, result: { success: streams.BatchAppendResp.Success } | { error: Status }): void => {
        pending.delete(correlationId);
        const response = new BatchAppendResp()
          .setCorrelationId(request.getCorrelationId())
          .setStreamIdentifier(new shared.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8')));
        if (!call.cancelled) call.write('success' in result ? response.setSuccess(result.success) : response.setError(result.error));
      };
      if (options && !pending.has(correlationId)) {
        const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
        // The server checks access when an append's options arrive, and answers that append alone.
        if (guard.authorize(admitted.caller, streamId, 'write')) {
          return answer(streamId, { error: errorStatus(status.PERMISSION_DENIED, 'AccessDenied', new shared.AccessDenied(), 'AccessDenied') });
        }
        pending.set(correlationId, { streamId, expected: expectedRevision(options), events: [], size: 0 });
      }
      const write = pending.get(correlationId);
      if (!write) return; // events for an append whose options never came: the server drops them
      for (const message of request.getProposedMessagesList()) {
        const event = toProposedEvent(message);
        if ('problem' in event)
          return answer(write.streamId, {
            error: errorStatus(status.INVALID_ARGUMENT, 'BadRequest', new shared.BadRequest().setMessage(event.problem), 'BadRequest'),
          });
        write.events.push(event);
        write.size += appendSize(event);
      }
      if (write.size > MAX_APPEND_SIZE) {
        const limit = new shared.MaximumAppendSizeExceeded().setMaxappendsize(MAX_APPEND_SIZE);
        return answer(write.streamId, { error: errorStatus(status.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', limit, 'MaximumAppendSizeExceeded') });
      }
      if (!request.getIsFinal()) return;
      // The server asks for the leader per write: a node that lost leadership while the call was
      // open ends the whole call with the leader's address, so the client reconnects there.
      const notLeader = guard.notLeader(call.metadata);
      if (notLeader) return void call.emit('error', notLeader);
      const fault = guard.appendFault();
      if (!fault || writesAnyway(fault)) {
        const result = toResult(log.append(write.streamId, write.expected, write.events), write.expected);
        if (!fault) return answer(write.streamId, result);
      }
      answer(write.streamId, { error: faultStatus(fault) });
    });
    call.on('end', () => call.end());
  };
}

function expectedRevision(options: streams.BatchAppendReq.Options): ExpectedRevision {
  switch (options.getExpectedStreamPositionCase()) {
    case ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case ExpectedStreamPositionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamPositionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function toResult(outcome: AppendOutcome, expected: ExpectedRevision): { success: streams.BatchAppendResp.Success } | { error: Status } {
  if (outcome.kind === 'success') {
    const success = new BatchAppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(new GoogleEmpty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === undefined) success.setNoPosition(new GoogleEmpty());
    else success.setPosition(new shared.AllStreamPosition().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
    return { success };
  }
  const wrong = new shared.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new GoogleEmpty());
  else wrong.setCurrentStreamRevision(outcome.currentRevision.toString());
  if (expected === 'any') wrong.setExpectedAny(new GoogleEmpty());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new GoogleEmpty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new GoogleEmpty());
  else wrong.setExpectedStreamPosition(expected.toString());
  return { error: errorStatus(status.ALREADY_EXISTS, 'WrongExpectedVersion', wrong, 'WrongExpectedVersion') };
}

/**
 * A fault on one append, as the server answers it: a commit timeout is the `Timeout` status;
 * "not ready" carries empty details and no code, so the client cannot name it.
 */
function faultStatus(fault: Fault): Status {
  if (fault !== 'not-ready') return errorStatus(status.DEADLINE_EXCEEDED, 'Timeout', new shared.Timeout(), 'Timeout');
  const empty = new GoogleAny();
  empty.pack(new GoogleEmpty().serializeBinary(), 'google.protobuf.Empty');
  return new Status().setMessage('Server Is Not Ready').setDetails(empty);
}

/** A google.rpc.Status as the server builds it: the typed error packed into `details`. */
function errorStatus(code: status, message: string, details: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const any = new GoogleAny();
  any.pack(details.serializeBinary(), `event_store.client.${typeName}`);
  return new Status()
    .setCode(code as number)
    .setMessage(message)
    .setDetails(any);
}
