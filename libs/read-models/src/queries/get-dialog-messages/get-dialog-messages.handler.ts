import type { Actor, Attachment } from '@switchboard/dialogs';
import type { DialogMessageRow } from '../../dialog-messages/dialog-message.row';
import type { SystemAction } from '../../dialog-messages/dialog-system-entry';
import { dialogScopeOf, isDialogVisible } from '../shared/dialog-visibility';
import { encodePositionCursor } from '../shared/opaque-cursor';
import { pageOf, type Page } from '../shared/page';
import { SqlParams, type ReadDatabase } from '../shared/read-database';
import type { ReadBack } from '../shared/read-back';

export type GetDialogMessagesQuery = Readonly<{ viewer: Actor; dialogId: string; limit: number; afterPosition?: string }>;

type TimelineItem = Readonly<{
  /** Log position of the event that recorded it, as decimal text. */
  position: string;
  eventId: string;
  occurredAt: Date;
}>;

/** A public message or an internal note. */
export type DialogMessageView = TimelineItem &
  Readonly<{
    kind: 'message' | 'note';
    /** The message's or the note's own id. */
    itemId: string;
    author: Readonly<{ kind: 'client' | 'bot' | 'operator'; id: string }>;
    text: string;
    attachments: readonly Attachment[];
  }>;

/** Something that happened to the dialog (assigned, transferred, closed...), who did it and whom it concerns. */
export type DialogSystemEntryView = TimelineItem &
  Readonly<{
    kind: 'system';
    action: SystemAction;
    /** Who did it, from the event's metadata; null when the event names no one. */
    actor: Readonly<{ kind: string; id: string }> | null;
    operatorId: string | null;
    previousOperatorId: string | null;
    fromLineId: string | null;
    toLineId: string | null;
    reason: string | null;
  }>;

/** An item of the chat timeline, in the dialog's log order. */
export type DialogTimelineView = DialogMessageView | DialogSystemEntryView;

type TimelineRow = Omit<ReadBack<DialogMessageRow>, 'dialog_id'>;

/**
 * Services (channel integrations) read the public messages of any dialog, to deliver operators'
 * replies, and never the notes, which clients must not see, nor the system entries, which are
 * the support team's. Everyone else reads the whole timeline of the dialogs they may see.
 */
const messageAccessOf = (viewer: Actor) =>
  viewer.kind === 'service' ? ({ scope: 'any', messagesOnly: true } as const) : ({ scope: dialogScopeOf(viewer), messagesOnly: false } as const);

export class GetDialogMessagesHandler {
  constructor(private readonly db: ReadDatabase) {}

  /** Undefined when the dialog is not there or not visible; an empty page when it has no items yet. */
  async execute(query: GetDialogMessagesQuery): Promise<Page<DialogTimelineView> | undefined> {
    const access = messageAccessOf(query.viewer);
    if (!(await isDialogVisible(this.db, query.dialogId, access.scope, query.viewer.id))) return undefined;
    const params = new SqlParams();
    const conditions = [`m.dialog_id = ${params.add(query.dialogId, 'text')}`];
    if (access.messagesOnly) conditions.push(`m.kind = 'message'`);
    if (query.afterPosition !== undefined) conditions.push(`m.position > ${params.add(query.afterPosition, 'bigint')}`);
    const rows = await this.db.query<TimelineRow>(
      `SELECT m.position::text AS position, m.event_id, m.kind, m.item_id, m.author_kind, m.author_id, m.text, m.attachments,
              m.action, m.actor_kind, m.actor_id, m.operator_id, m.previous_operator_id, m.from_line_id, m.to_line_id,
              m.reason, m.occurred_at
         FROM read_models.dialog_messages m
        WHERE ${conditions.join(' AND ')}
        ORDER BY m.position
        LIMIT ${params.add(query.limit + 1, 'integer')}`,
      params.values,
    );
    return pageOf(rows, query.limit, timelineViewOf, (row) => encodePositionCursor(row.position));
  }
}

function timelineViewOf(row: TimelineRow): DialogTimelineView {
  const item = { position: row.position, eventId: row.event_id, occurredAt: row.occurred_at };
  if (row.kind === 'system') {
    return {
      ...item,
      kind: 'system',
      // The table's check holds action to system entries.
      action: row.action as SystemAction,
      actor: row.actor_kind === null || row.actor_id === null ? null : { kind: row.actor_kind, id: row.actor_id },
      operatorId: row.operator_id,
      previousOperatorId: row.previous_operator_id,
      fromLineId: row.from_line_id,
      toLineId: row.to_line_id,
      reason: row.reason,
    };
  }
  // The table's check holds the item columns to messages and notes.
  return {
    ...item,
    kind: row.kind,
    itemId: row.item_id as string,
    author: { kind: row.author_kind as 'client' | 'bot' | 'operator', id: row.author_id as string },
    text: row.text as string,
    attachments: row.attachments as Attachment[],
  };
}
