import type { EventLog } from './event-log';
import type { StoredEvent } from './log-records';
import { shared, streams } from './protocol';
import { LINK_TYPE } from './system-projections';

/** The third argument of `eventMessage` for a read that did or did not ask to resolve links. */
export function linkResolution(log: EventLog, event: StoredEvent, resolveLinks: boolean): StoredEvent | null | undefined {
  if (!resolveLinks || event.type !== LINK_TYPE) return undefined;
  return log.resolve(event) ?? null;
}

export function streamIdentifier(streamId: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

/**
 * An event as the server sends it. Reads of `$all` (and subscriptions) carry the event's
 * position on the ReadEvent as well; reads of a stream say `no_position` there and keep the
 * position only on the recorded event. With `resolved` (a read that asked to resolve links and
 * met a link), the ReadEvent carries the target as `event` and the link as `link`; `null` is a
 * link whose target is gone, sent as `link` alone (what the server is believed to send: its
 * ResolvedEvent for a failed link has no event).
 */
export function eventMessage(event: StoredEvent, from: 'stream' | 'all', resolved?: StoredEvent | null): streams.ReadResp {
  const read = new streams.ReadResp.ReadEvent();
  if (resolved === undefined) read.setEvent(recordedEvent(event));
  else {
    read.setLink(recordedEvent(event));
    if (resolved) read.setEvent(recordedEvent(resolved));
  }
  if (from === 'all') read.setCommitPosition(event.position.toString());
  else read.setNoPosition(new shared.Empty());
  return new streams.ReadResp().setEvent(read);
}

function recordedEvent(event: StoredEvent): streams.ReadResp.ReadEvent.RecordedEvent {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    // The client asks for ids as strings (UUIDOption.string), never the structured form.
    .setId(new shared.UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.createdTicks.toString());
  return recorded;
}

export function streamNotFoundMessage(streamId: string): streams.ReadResp {
  return new streams.ReadResp().setStreamNotFound(new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId)));
}

export function confirmationMessage(subscriptionId: string): streams.ReadResp {
  return new streams.ReadResp().setConfirmation(new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

export function caughtUpMessage(): streams.ReadResp {
  return new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp());
}

export function checkpointMessage(position: bigint): streams.ReadResp {
  return new streams.ReadResp().setCheckpoint(new streams.ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()));
}
