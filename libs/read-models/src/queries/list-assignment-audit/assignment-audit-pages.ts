import { decodeAssignmentAuditCursor } from './assignment-audit-cursor';
import type { ListAssignmentAuditHandler } from './list-assignment-audit.handler';
import type { AssignmentAuditView, ListAssignmentAuditQuery } from './list-assignment-audit.query';

/** Every page of the trail for one query, from its cursor on, one keyset read at a time. */
export async function* assignmentAuditPages(
  audit: ListAssignmentAuditHandler,
  query: ListAssignmentAuditQuery,
): AsyncGenerator<readonly AssignmentAuditView[]> {
  let cursor = query.cursor;
  for (;;) {
    const page = await audit.execute({ ...query, cursor });
    if (page.items.length > 0) yield page.items;
    if (page.nextCursor === null) return;
    cursor = decodeAssignmentAuditCursor(page.nextCursor);
  }
}
