import type { Attachment, PublicAuthorKind } from '@switchboard/dialogs';
import type { DialogFact } from '../facts/recorded-fact';
import { systemEntryOf, type SystemAction } from './dialog-system-entry';

/** A row of read_models.dialog_messages, keyed like the table's columns. */
export type DialogMessageRow = Readonly<{
  dialog_id: string;
  position: string;
  event_id: string;
  kind: 'message' | 'note' | 'system';
  item_id: string | null;
  author_kind: PublicAuthorKind | null;
  author_id: string | null;
  text: string | null;
  attachments: readonly Attachment[] | null;
  action: SystemAction | null;
  actor_kind: string | null;
  actor_id: string | null;
  operator_id: string | null;
  previous_operator_id: string | null;
  from_line_id: string | null;
  to_line_id: string | null;
  reason: string | null;
  occurred_at: string;
}>;

const noSystemEntry = {
  action: null,
  actor_kind: null,
  actor_id: null,
  operator_id: null,
  previous_operator_id: null,
  from_line_id: null,
  to_line_id: null,
  reason: null,
} as const;

/** Public messages, internal notes and system entries side by side, as a dialog's screen shows them. */
export function dialogMessageRowOf(fact: DialogFact): DialogMessageRow | null {
  const { event } = fact;
  const key = { dialog_id: fact.dialogId, position: fact.position.toString(), event_id: fact.eventId, occurred_at: event.data.occurredAt };
  if (event.type === 'MessageSent') {
    const { data } = event;
    return {
      ...key,
      ...noSystemEntry,
      kind: 'message',
      item_id: data.messageId,
      author_kind: data.author.kind,
      author_id: data.author.id,
      text: data.text,
      attachments: data.attachments,
    };
  }
  if (event.type === 'NoteAdded') {
    const { data } = event;
    return {
      ...key,
      ...noSystemEntry,
      kind: 'note',
      item_id: data.noteId,
      author_kind: 'operator',
      author_id: data.operatorId,
      text: data.text,
      attachments: [],
    };
  }
  const entry = systemEntryOf(event);
  if (entry === null) return null;
  return {
    ...key,
    kind: 'system',
    item_id: null,
    author_kind: null,
    author_id: null,
    text: null,
    attachments: null,
    action: entry.action,
    actor_kind: fact.actor?.kind ?? null,
    actor_id: fact.actor?.id ?? null,
    operator_id: entry.operatorId,
    previous_operator_id: entry.previousOperatorId,
    from_line_id: entry.fromLineId,
    to_line_id: entry.toLineId,
    reason: entry.reason,
  };
}
