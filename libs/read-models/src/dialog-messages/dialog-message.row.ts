import type { Attachment } from '@switchboard/dialogs';
import type { DialogFact } from '../facts/recorded-fact';

/** A row of read_models.dialog_messages, keyed like the table's columns. */
export type DialogMessageRow = Readonly<{
  dialog_id: string;
  position: string;
  event_id: string;
  item_id: string;
  kind: 'message' | 'note';
  author_kind: string;
  author_id: string;
  text: string;
  attachments: readonly Attachment[];
  occurred_at: string;
}>;

/** Public messages and internal notes side by side, as a dialog's screen shows them. */
export function dialogMessageRowOf(fact: DialogFact): DialogMessageRow | null {
  const { event } = fact;
  if (event.type === 'MessageSent') {
    const { data } = event;
    return {
      dialog_id: fact.dialogId,
      position: fact.position.toString(),
      event_id: fact.eventId,
      item_id: data.messageId,
      kind: 'message',
      author_kind: data.author.kind,
      author_id: data.author.id,
      text: data.text,
      attachments: data.attachments,
      occurred_at: data.occurredAt,
    };
  }
  if (event.type === 'NoteAdded') {
    const { data } = event;
    return {
      dialog_id: fact.dialogId,
      position: fact.position.toString(),
      event_id: fact.eventId,
      item_id: data.noteId,
      kind: 'note',
      author_kind: 'operator',
      author_id: data.operatorId,
      text: data.text,
      attachments: [],
      occurred_at: data.occurredAt,
    };
  }
  return null;
}
