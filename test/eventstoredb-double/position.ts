import type { LogPosition } from './log-records';
import type { streams } from './protocol';

/** A `$all` position from a request; the client always sends both halves. */
export function toLogPosition(position: streams.ReadReq.Options.Position | undefined): LogPosition {
  return { commit: BigInt(position?.getCommitPosition() || '0'), prepare: BigInt(position?.getPreparePosition() || '0') };
}
