// Who is credited with the client's waits, and the assignment periods of a dialog: the part of
// the metric fold that reads assignments. JSON-serialisable like the rest of the metric state.

/**
 * One assignment period: from an operator's assignment to their unassignment or replacement.
 * Closing and reopening do not end it: a closed dialog keeps its assignee, who still holds it
 * after a reopen.
 */
export type AssignmentPeriod = Readonly<{
  // 1, 2, 3... in the dialog's order of assignments: the period's key within the dialog.
  number: number;
  operatorId: string;
  // The assignment's reason (manual, self, first_reply, take, transfer, routing).
  reason: string;
  lineId: string | null;
  assignedAt: string;
  unassignedAt: string | null;
  // The first moment of the period at which the client waited: the assignment itself when the
  // client already waited then. A wait a close discarded unanswered is forgotten, as response
  // intervals forget it, so this is the start of the wait the first response answered.
  clientWaitingAt: string | null;
  // The first public operator message of the period that ended a wait, by whoever sent it.
  firstResponseAt: string | null;
  firstResponderId: string | null;
}>;

export type AssignmentCreditState = Readonly<{
  assigneeId: string | null;
  // Credited with the wait in progress: the assignee when it began, else the first operator
  // assigned during it; null while nobody is. Meaningless while no interval is open.
  waitCreditedTo: string | null;
  // Every period so far, in order; the last is the current one unless it has ended. Only the
  // last two can still change, which is what lets the projection write just those.
  periods: readonly AssignmentPeriod[];
  // Assignments that replaced another operator (A -> B); from nobody (-> A) they are not.
  reassignmentCount: number;
  reopenCount: number;
}>;

export const initialAssignmentCredit: AssignmentCreditState = {
  assigneeId: null,
  waitCreditedTo: null,
  periods: [],
  reassignmentCount: 0,
  reopenCount: 0,
};
