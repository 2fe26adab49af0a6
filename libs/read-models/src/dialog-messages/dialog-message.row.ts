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

/**
 * Public messages, internal notes and system entries side by side, as a dialog's screen shows
 * them. Each row is one object literal of every column: a rebuild makes one per event, and
 * spreading shared parts into it cost more than the rest of the projection's work in Node.
 */
export function dialogMessageRowOf(fact: DialogFact): DialogMessageRow | null {
  const { event } = fact;
  if (event.type === 'MessageSent') {
    const { data } = event;
    return itemRow(fact, 'message', data.messageId, data.author.kind, data.author.id, data.text, data.attachments, data.occurredAt);
  }
  if (event.type === 'NoteAdded') {
    const { data } = event;
    return itemRow(fact, 'note', data.noteId, 'operator', data.operatorId, data.text, [], data.occurredAt);
  }
  const entry = systemEntryOf(event);
  if (entry === null) return null;
  return {
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    event_id: fact.eventId,
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
    occurred_at: event.data.occurredAt,
  };
}

function itemRow(
  fact: DialogFact,
  kind: 'message' | 'note',
  itemId: string,
  authorKind: PublicAuthorKind,
  authorId: string,
  text: string,
  attachments: readonly Attachment[],
  occurredAt: string,
): DialogMessageRow {
  return {
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    event_id: fact.eventId,
    kind,
    item_id: itemId,
    author_kind: authorKind,
    author_id: authorId,
    text,
    attachments,
    action: null,
    actor_kind: null,
    actor_id: null,
    operator_id: null,
    previous_operator_id: null,
    from_line_id: null,
    to_line_id: null,
    reason: null,
    occurred_at: occurredAt,
  };
}
