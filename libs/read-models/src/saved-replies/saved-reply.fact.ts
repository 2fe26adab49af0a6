import type { SavedReplyEvent } from '@switchboard/dialogs';
import type { RecordedEvent } from '@switchboard/event-store';

export const savedReplyEventTypes: readonly SavedReplyEvent['type'][] = ['SavedReplyCreated', 'SavedReplyEdited', 'SavedReplyDeleted'];

/** A saved-reply event with its place in the log. */
export type SavedReplyFact = Readonly<{ event: SavedReplyEvent; position: bigint }>;

const isSavedReplyEventType = (type: string): type is SavedReplyEvent['type'] => (savedReplyEventTypes as readonly string[]).includes(type);

/** Reads a recorded event as a saved-reply fact, or null for one without a reply id to file it under. */
export function savedReplyFactOf(recorded: RecordedEvent): SavedReplyFact | null {
  if (!isSavedReplyEventType(recorded.type) || typeof recorded.data.savedReplyId !== 'string') return null;
  // The write side validated the payload against this type before appending it.
  return { event: { type: recorded.type, data: recorded.data } as unknown as SavedReplyEvent, position: recorded.position };
}
