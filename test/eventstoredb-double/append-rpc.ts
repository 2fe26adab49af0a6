import { status, type sendUnaryData, type ServerErrorResponse, type ServerReadableStream } from '@grpc/grpc-js';
import type { ExpectedRevision } from './append-decision';
import type { EventLog } from './event-log';
import type { AppendOutcome, ProposedEvent } from './log-records';
import { shared, streams } from './protocol';
import { appendSize, MAX_APPEND_SIZE, toProposedEvent } from './proposed-event';
import { faultError, writesAnyway } from './faults';
import type { NodeGuard } from './node-guard';
import { rpcError } from './rpc-error';

const { AppendResp } = streams;
const { ExpectedStreamRevisionCase } = streams.AppendReq.Options;

/**
 * `Streams.Append`: the options message first, then one message per proposed event; the answer
 * is success (current revision and position) or wrong_expected_version, as a message, not a
 * gRPC error: the client turns it into WrongExpectedVersionError.
 */
export function appendHandler(log: EventLog, guard: NodeGuard) {
  return (call: ServerReadableStream<streams.AppendReq, streams.AppendResp>, callback: sendUnaryData<streams.AppendResp>): void => {
    let options: streams.AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    const admitted = guard.admit(call.metadata);
    let error: ServerErrorResponse | undefined = 'refused' in admitted ? admitted.refused : undefined;
    call.on('data', (request: streams.AppendReq) => {
      if (error) return;
      if (!options) {
        options = request.getOptions();
        if (!options) error = rpcError(status.INVALID_ARGUMENT, 'the first AppendReq must carry options');
        return;
      }
      const message = request.getProposedMessage();
      const event = message ? toProposedEvent(message) : { problem: 'AppendReq without proposed_message' };
      if ('problem' in event) {
        error = rpcError(status.INVALID_ARGUMENT, event.problem, event.exception);
        return;
      }
      proposed.push(event);
      size += appendSize(event);
      if (size > MAX_APPEND_SIZE) {
        error = rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`, 'maximum-append-size-exceeded', {
          'maximum-append-size': String(MAX_APPEND_SIZE),
        });
      }
    });
    call.on('end', () => {
      if (error || !options) return callback(error ?? rpcError(status.INVALID_ARGUMENT, 'AppendReq without options'));
      const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
      const denied = 'caller' in admitted ? guard.authorize(admitted.caller, streamId, 'write') : undefined;
      if (denied) return callback(denied);
      const expected = expectedRevision(options);
      const fault = guard.appendFault();
      if (!fault || writesAnyway(fault)) {
        const response = appendResponse(log.append(streamId, expected, proposed), expected);
        if (!fault) return callback(null, response);
      }
      callback(faultError(fault));
    });
  };
}

function expectedRevision(options: streams.AppendReq.Options): ExpectedRevision {
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function appendResponse(outcome: AppendOutcome, expected: ExpectedRevision): streams.AppendResp {
  if (outcome.kind === 'success') {
    const success = new AppendResp.Success();
    if (outcome.currentRevision === undefined) success.setNoStream(new shared.Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    if (outcome.position === undefined) success.setNoPosition(new shared.Empty());
    else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
    return new AppendResp().setSuccess(success);
  }
  // The server fills the current fields and, for clients of 20.6, their older twins (`*2060`).
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === undefined) {
    wrong.setCurrentNoStream(new shared.Empty()).setNoStream2060(new shared.Empty());
  } else {
    wrong.setCurrentRevision(outcome.currentRevision.toString()).setCurrentRevision2060(Number(outcome.currentRevision));
  }
  if (expected === 'any') wrong.setExpectedAny(new shared.Empty()).setAny2060(new shared.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty()).setStreamExists2060(new shared.Empty());
  // The server also sets expected_revision_2060 to 2^64-1 here; a JavaScript number cannot hold it.
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
  else wrong.setExpectedRevision(expected.toString()).setExpectedRevision2060(Number(expected));
  return new AppendResp().setWrongExpectedVersion(wrong);
}
