import type { EventStore, RecordedEvent } from '../event-store.port';
import { StreamChainVerifier, type StreamChainReport } from './chain-verifier';

/** One stream's events in revision order, a page at a time, through the port (any adapter). */
export async function* eventsOfStream(store: EventStore, streamId: string, pageSize = 1000): AsyncGenerator<RecordedEvent> {
  let from = 0n;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    from = page[page.length - 1].revision + 1n;
  }
}

/**
 * Verifies the chains of events given grouped by stream, each stream in revision order (one
 * stream's pages, or a whole log read in stream order). Holds one stream's verifier at a time,
 * so memory stays constant however long the log; `onReport` hears each stream as it ends.
 * After a stream's first break its remaining events are read past, not checked.
 */
export async function verifyChains(
  events: AsyncIterable<RecordedEvent>,
  onReport: (report: StreamChainReport) => void,
  onProgress?: (eventsRead: number) => void,
): Promise<void> {
  let current: StreamChainVerifier | undefined;
  let read = 0;
  for await (const event of events) {
    if (current?.streamId !== event.streamId) {
      if (current) onReport(current.report());
      current = new StreamChainVerifier(event.streamId);
    }
    current.add(event);
    read += 1;
    onProgress?.(read);
  }
  if (current) onReport(current.report());
}

/** One stream's chain, read through the port: what the API answers for `?verify=true`. */
export async function verifyStream(store: EventStore, streamId: string): Promise<StreamChainReport> {
  let report: StreamChainReport = new StreamChainVerifier(streamId).report();
  await verifyChains(eventsOfStream(store, streamId), (r) => (report = r));
  return report;
}
