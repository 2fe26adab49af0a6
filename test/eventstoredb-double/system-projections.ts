import { randomUUID } from 'node:crypto';
import type { ProposedEvent, StoredEvent } from './log-records';

/** The event type of a link: its data is `<revision>@<stream>`, the event it points to. */
export const LINK_TYPE = '$>';

/**
 * What EventStoreDB's built-in projections (`$by_category`, `$by_event_type`, `$streams`)
 * write after the events they index: one link per event into `$ce-<category>` and
 * `$et-<type>`, and one into `$streams` for each new stream. On a server they trail the
 * events by a moment and in batches; here they follow each append at once, which already puts
 * runs of links between the events of `$all`.
 */
export function projectionLinks(appended: readonly StoredEvent[]): [streamId: string, link: ProposedEvent][] {
  const links: [string, ProposedEvent][] = [];
  for (const event of appended) {
    if (event.streamId.startsWith('$')) continue;
    const dash = event.streamId.indexOf('-');
    if (dash > 0) links.push([`$ce-${event.streamId.slice(0, dash)}`, linkTo(event.streamId, event.revision)]);
    links.push([`$et-${event.type}`, linkTo(event.streamId, event.revision)]);
    if (event.revision === 0n) links.push(['$streams', linkTo(event.streamId, 0n)]);
  }
  return links;
}

export function linkTo(streamId: string, revision: bigint): ProposedEvent {
  return {
    id: randomUUID(),
    type: LINK_TYPE,
    contentType: 'application/octet-stream',
    data: Buffer.from(`${revision}@${streamId}`, 'utf8'),
    customMetadata: new Uint8Array(),
  };
}

/** The stream and revision a link points to, or undefined if its data is not `<revision>@<stream>`. */
export function linkTarget(link: StoredEvent): { streamId: string; revision: bigint } | undefined {
  const text = Buffer.from(link.data).toString('utf8');
  const at = text.indexOf('@');
  if (at <= 0 || !/^\d+$/.test(text.slice(0, at))) return undefined;
  return { streamId: text.slice(at + 1), revision: BigInt(text.slice(0, at)) };
}
