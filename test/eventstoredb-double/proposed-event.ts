import type { ProposedEvent } from './log-records';
import type { shared, streams } from './protocol';

type ProposedMessage = streams.AppendReq.ProposedMessage | streams.BatchAppendReq.ProposedMessage;

/** Why the server refuses a proposed event; `exception` is the name its trailers carry. */
export interface Refusal {
  readonly problem: string;
  readonly exception?: string;
}

/** The server's default limit on one append (MaxAppendSize, 1 MiB), over all its events. */
export const MAX_APPEND_SIZE = 1024 * 1024;

/** An event's share of that limit: its data, metadata and type, roughly as the server sizes it. */
export const appendSize = (event: ProposedEvent): number => event.data.length + event.customMetadata.length + Buffer.byteLength(event.type);

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const missing = (name: string): Refusal => ({
  problem: `Missing required metadata property '${name}'`,
  exception: 'missing-required-metadata-property',
});

/**
 * A proposed message as the log stores it, or why it is refused: the server requires the `type`
 * and `content-type` metadata and an id that parses as a UUID.
 */
export function toProposedEvent(message: ProposedMessage): ProposedEvent | Refusal {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  if (type === undefined) return missing('type');
  const contentType = metadata.get('content-type');
  if (contentType === undefined) return missing('content-type');
  const id = uuidString(message.getId());
  if (!UUID_PATTERN.test(id)) return { problem: `event id '${id}' is not a UUID` };
  return {
    id,
    type,
    contentType,
    // Copies: the decoded message's buffers may be views into a reused network buffer.
    data: Uint8Array.from(message.getData_asU8()),
    customMetadata: Uint8Array.from(message.getCustomMetadata_asU8()),
  };
}

/** A UUID in its canonical lower-case form, whether sent as a string or as two 64-bit halves. */
export function uuidString(uuid: shared.UUID | undefined): string {
  const structured = uuid?.getStructured();
  if (!structured) return uuid?.getString().toLowerCase() ?? '';
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
