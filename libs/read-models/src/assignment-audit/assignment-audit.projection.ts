import { dialogReadModelFilter } from '../facts/recorded-fact';
import { DialogRowsProjection } from '../dialog-rows/dialog-rows.projection';
import { assignmentAuditDdl } from './assignment-audit.tables';
import { assignmentAuditRowOf, type AssignmentAuditRow } from './assignment-audit.row';
import { ASSIGNMENT_AUDIT_LINES_TABLE, ASSIGNMENT_AUDIT_TABLE, insertAssignmentAudit } from './assignment-audit.writer';

/**
 * The assignment trail for auditors; it reads only assignments and the facts that place a dialog
 * in a line. A deleted dialog's trail stays (DialogDeleted is not in the filter): who gave whom
 * which dialog is what an audit must still answer after an admin deletes it, and the rows hold
 * ids and reasons, not the conversation.
 */
export class AssignmentAuditProjection extends DialogRowsProjection<AssignmentAuditRow> {
  constructor() {
    super('read-models.assignment-audit', dialogReadModelFilter(['DialogOpened', 'DialogTransferredToLine', 'OperatorAssigned', 'OperatorUnassigned']), {
      table: ASSIGNMENT_AUDIT_TABLE,
      linesTable: ASSIGNMENT_AUDIT_LINES_TABLE,
      version: 1,
      ddl: assignmentAuditDdl,
      rowOf: assignmentAuditRowOf,
      insert: insertAssignmentAudit,
    });
  }
}
