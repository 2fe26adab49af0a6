import type { StoredEvent } from './event-log';
import { shared, streams } from './protocol';

export function streamIdentifier(streamId: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8'));
}

/**
 * An event as the server sends it. Reads of `$all` (and subscriptions) carry the event's
 * position on the ReadEvent as well; reads of a stream say `no_position` there and keep the
 * position only on the recorded event.
 */
export function eventMessage(event: StoredEvent, from: 'stream' | 'all'): streams.ReadResp {
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    // The client asks for ids as strings (UUIDOption.string), never the structured form.
    .setId(new shared.UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const read = new streams.ReadResp.ReadEvent().setEvent(recorded);
  if (from === 'all') read.setCommitPosition(event.position.toString());
  else read.setNoPosition(new shared.Empty());
  return new streams.ReadResp().setEvent(read);
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
  return new streams.ReadResp().setCheckpoint(
    new streams.ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
}
