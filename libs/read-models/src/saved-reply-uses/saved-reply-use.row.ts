import type { DialogFact } from '../facts/recorded-fact';

/** A row of read_models.saved_reply_uses, keyed like the table's columns. */
export type SavedReplyUseRow = Readonly<{
  dialog_id: string;
  position: string;
  saved_reply_id: string;
  operator_id: string;
  line_id: string;
  used_at: string;
}>;

/** One use of a saved reply in an operator's message; other facts are not uses. */
export function savedReplyUseRowOf(fact: DialogFact): SavedReplyUseRow | null {
  const { event } = fact;
  if (event.type !== 'SavedReplyUsed') return null;
  return {
    dialog_id: fact.dialogId,
    position: fact.position.toString(),
    saved_reply_id: event.data.savedReplyId,
    operator_id: event.data.operatorId,
    line_id: event.data.lineId,
    used_at: event.data.occurredAt,
  };
}
