import type { Actor, SavedReplyScope } from '@switchboard/dialogs';
import { SqlParams, type ReadDatabase } from '../shared/read-database';

export type SavedReplyView = Readonly<{
  savedReplyId: string;
  scope: SavedReplyScope;
  ownerId: string | null;
  lineId: string | null;
  title: string;
  text: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}>;

export type ListSavedRepliesQuery = Readonly<{
  viewer: Actor;
  /** The replies usable on this line: its own and those for every line. */
  lineId?: string;
  /** Case-insensitive: the title starts with it, or the text contains it. */
  search?: string;
  scope?: SavedReplyScope;
  limit: number;
}>;

type Row = Readonly<{
  saved_reply_id: string;
  scope: SavedReplyScope;
  owner_id: string | null;
  line_id: string | null;
  title: string;
  text: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}>;

/** `%` and `_` typed by a person are meant literally. */
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The replies a person may insert: the team's and their own personal ones, never another's, nor
 * one for a deleted line. Team replies first, then by title, so the list reads the same on every call.
 */
export class ListSavedRepliesHandler {
  constructor(private readonly db: ReadDatabase) {}

  async execute(query: ListSavedRepliesQuery): Promise<readonly SavedReplyView[]> {
    const params = new SqlParams();
    const conditions = [
      'r.deleted_at IS NULL',
      `(r.scope = 'team' OR r.owner_id = ${params.add(query.viewer.id, 'text')})`,
      'NOT EXISTS (SELECT 1 FROM read_models.saved_replies_deleted_lines l WHERE l.line_id = r.line_id)',
    ];
    if (query.scope !== undefined) conditions.push(`r.scope = ${params.add(query.scope, 'text')}`);
    if (query.lineId !== undefined) conditions.push(`(r.line_id IS NULL OR r.line_id = ${params.add(query.lineId, 'text')})`);
    if (query.search !== undefined) {
      const words = escapeLike(query.search.toLowerCase());
      conditions.push(`(lower(r.title) LIKE ${params.add(`${words}%`, 'text')} OR lower(r.text) LIKE ${params.add(`%${words}%`, 'text')})`);
    }
    const rows = await this.db.query<Row>(
      `SELECT r.saved_reply_id, r.scope, r.owner_id, r.line_id, r.title, r.text, r.created_by, r.created_at, r.updated_at
         FROM read_models.saved_replies r
        WHERE ${conditions.join(' AND ')}
        ORDER BY r.scope = 'personal', lower(r.title), r.saved_reply_id
        LIMIT ${params.add(query.limit, 'integer')}`,
      params.values,
    );
    return rows.map((row) => ({
      savedReplyId: row.saved_reply_id,
      scope: row.scope,
      ownerId: row.owner_id,
      lineId: row.line_id,
      title: row.title,
      text: row.text,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}
