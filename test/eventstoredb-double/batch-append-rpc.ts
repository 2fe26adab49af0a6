import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { ExpectedRevision } from './append-decision';
import type { EventLog } from './event-log';
import type { AppendOutcome, ProposedEvent } from './log-records';
import { GoogleAny, GoogleEmpty, shared, Status, streams } from './protocol';
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
    // Refused as a whole (credentials, leadership): the call ends with the error status.
    const refused = guard(call.metadata, {});
    if (refused) return void call.emit('error', refused);
    const pending = new Map<string, PendingWrite>();
    call.on('data', (request: streams.BatchAppendReq) => {
      const correlationId = uuidString(request.getCorrelationId());
      const options = request.getOptions();
      if (options && !pending.has(correlationId)) {
        const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
        pending.set(correlationId, { streamId, expected: expectedRevision(options), events: [], size: 0 });
      }
      const write = pending.get(correlationId);
      if (!write) return; // events for an append whose options never came: the server drops them
      const answer = (result: { success: streams.BatchAppendResp.Success } | { error: Status }): void => {
        pending.delete(correlationId);
        const response = new BatchAppendResp()
          .setCorrelationId(request.getCorrelationId())
          .setStreamIdentifier(new shared.StreamIdentifier().setStreamName(Buffer.from(write.streamId, 'utf8')));
        if (!call.cancelled) call.write('success' in result ? response.setSuccess(result.success) : response.setError(result.error));
      };
      for (const message of request.getProposedMessagesList()) {
        const event = toProposedEvent(message);
        if ('problem' in event)
          return answer({ error: errorStatus(status.INVALID_ARGUMENT, 'BadRequest', new shared.BadRequest().setMessage(event.problem), 'BadRequest') });
        write.events.push(event);
        write.size += appendSize(event);
      }
      if (write.size > MAX_APPEND_SIZE) {
        const limit = new shared.MaximumAppendSizeExceeded().setMaxappendsize(MAX_APPEND_SIZE);
        return answer({ error: errorStatus(status.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', limit, 'MaximumAppendSizeExceeded') });
      }
      if (request.getIsFinal()) answer(toResult(log.append(write.streamId, write.expected, write.events), write.expected));
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

/** A google.rpc.Status as the server builds it: the typed error packed into `details`. */
function errorStatus(code: status, message: string, details: { serializeBinary(): Uint8Array }, typeName: string): Status {
  const any = new GoogleAny();
  any.pack(details.serializeBinary(), `event_store.client.${typeName}`);
  return new Status()
    .setCode(code as number)
    .setMessage(message)
    .setDetails(any);
}
