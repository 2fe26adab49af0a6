import { decodeCursor, encodeCursor, isPositionText } from '../shared/opaque-cursor';
import { isTimestampText } from '../shared/timestamp-text';
import type { SortOrder } from '../shared/sort-order';

/**
 * Where a page of the trail ends: the last entry's time (as PostgreSQL prints it) and its log
 * position, which is unique and breaks ties between entries of the same instant.
 */
export type AssignmentAuditCursor = Readonly<{ order: SortOrder; occurredAt: string; position: string }>;

export const encodeAssignmentAuditCursor = (cursor: AssignmentAuditCursor): string =>
  encodeCursor({ o: cursor.order, at: cursor.occurredAt, p: cursor.position });

export function decodeAssignmentAuditCursor(raw: string): AssignmentAuditCursor | undefined {
  const decoded = decodeCursor(raw);
  if (decoded === undefined) return undefined;
  const { o, at, p } = decoded;
  if ((o !== 'asc' && o !== 'desc') || typeof at !== 'string' || !isTimestampText(at) || !isPositionText(p)) return undefined;
  return { order: o, occurredAt: at, position: p };
}
