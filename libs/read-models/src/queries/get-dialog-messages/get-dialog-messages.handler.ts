import type { Actor, Attachment } from '@switchboard/dialogs';
import { dialogScopeOf, isDialogVisible } from '../shared/dialog-visibility';
import { encodePositionCursor } from '../shared/opaque-cursor';
import { pageOf, type Page } from '../shared/page';
import { SqlParams, type ReadDatabase } from '../shared/read-database';

export type GetDialogMessagesQuery = Readonly<{ viewer: Actor; dialogId: string; limit: number; afterPosition?: string }>;

/** A public message or an internal note, in the dialog's log order. */
export type DialogMessageView = Readonly<{
  /** Log position of the event that recorded it, as decimal text. */
  position: string;
  eventId: string;
  /** The message's or the note's own id. */
  itemId: string;
  kind: 'message' | 'note';
  author: Readonly<{ kind: 'client' | 'bot' | 'operator'; id: string }>;
  text: string;
  attachments: readonly Attachment[];
  occurredAt: Date;
}>;

type MessageRow = Readonly<{
  position: string;
  event_id: string;
  item_id: string;
  kind: 'message' | 'note';
  author_kind: 'client' | 'bot' | 'operator';
  author_id: string;
  text: string;
  attachments: Attachment[];
  occurred_at: Date;
}>;

/**
 * Services (channel integrations) read the public messages of any dialog, to deliver operators'
 * replies, and never the notes, which clients must not see. Everyone else reads messages and
 * notes of the dialogs they may see.
 */
const messageAccessOf = (viewer: Actor) =>
  viewer.kind === 'service' ? ({ scope: 'any', notes: false } as const) : ({ scope: dialogScopeOf(viewer), notes: true } as const);

export class GetDialogMessagesHandler {
  constructor(private readonly db: ReadDatabase) {}

  /** Undefined when the dialog is not there or not visible; an empty page when it has no messages yet. */
  async execute(query: GetDialogMessagesQuery): Promise<Page<DialogMessageView> | undefined> {
    const access = messageAccessOf(query.viewer);
    if (!(await isDialogVisible(this.db, query.dialogId, access.scope, query.viewer.id))) return undefined;
    const params = new SqlParams();
    const conditions = [`m.dialog_id = ${params.add(query.dialogId, 'text')}`];
    if (!access.notes) conditions.push(`m.kind = 'message'`);
    if (query.afterPosition !== undefined) conditions.push(`m.position > ${params.add(query.afterPosition, 'bigint')}`);
    const rows = await this.db.query<MessageRow>(
      `SELECT m.position::text AS position, m.event_id, m.item_id, m.kind, m.author_kind, m.author_id, m.text,
              m.attachments, m.occurred_at
         FROM read_models.dialog_messages m
        WHERE ${conditions.join(' AND ')}
        ORDER BY m.position
        LIMIT ${params.add(query.limit + 1, 'integer')}`,
      params.values,
    );
    return pageOf(rows, query.limit, messageViewOf, (row) => encodePositionCursor(row.position));
  }
}

function messageViewOf(row: MessageRow): DialogMessageView {
  return {
    position: row.position,
    eventId: row.event_id,
    itemId: row.item_id,
    kind: row.kind,
    author: { kind: row.author_kind, id: row.author_id },
    text: row.text,
    attachments: row.attachments,
    occurredAt: row.occurred_at,
  };
}
