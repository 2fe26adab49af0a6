// The stored state is JSON-serialisable on purpose: a projection keeps it in a jsonb column and
// folds the next event onto it, and a rebuild from the first event must yield the same value.
// Times are the events' own ISO strings (the domain writes them with toISOString, always UTC).

import { initialAssignmentCredit, type AssignmentCreditState } from './assignment-credit.state';

export type ResponseInterval = Readonly<{
  startedAt: string;
  endedAt: string;
  durationMs: number;
  // The operator whose public message ended the interval.
  operatorId: string;
  // The line the dialog was in when the interval ended, so a transferred dialog's intervals are
  // credited to the line that answered them rather than to wherever the dialog ended up.
  lineId: string | null;
  // The operator credited with the wait (see AssignmentCreditState.waitCreditedTo); null when
  // nobody was assigned from its start to its end.
  assigneeId: string | null;
}>;

export type DialogMetricsState = Readonly<{
  createdAt: string | null;
  lineId: string | null;
  queuedAt: string | null;
  workStartedAt: string | null;
  firstMessageAt: string | null;
  lastMessageAt: string | null;
  firstClientMessageAt: string | null;
  firstOperatorMessageAt: string | null;
  firstOperatorReplyAt: string | null;
  // The first bot message, kept only when it came before any operator message (bot answered
  // first); stream order decides, so equal timestamps cannot make it ambiguous.
  botAnsweredFirstAt: string | null;
  // The first close after the first client message with no operator reply yet: the fallback end
  // of the first message response time.
  closedBeforeFirstReplyAt: string | null;
  // Null while the dialog is open, including after a reopen; it doubles as the "is open" flag.
  closedAt: string | null;
  closedByOperatorAt: string | null;
  lastChangedAt: string | null;
  openIntervalStartedAt: string | null;
  responseIntervals: readonly ResponseInterval[];
  credit: AssignmentCreditState;
}>;

export const initialDialogMetrics: DialogMetricsState = {
  createdAt: null,
  lineId: null,
  queuedAt: null,
  workStartedAt: null,
  firstMessageAt: null,
  lastMessageAt: null,
  firstClientMessageAt: null,
  firstOperatorMessageAt: null,
  firstOperatorReplyAt: null,
  botAnsweredFirstAt: null,
  closedBeforeFirstReplyAt: null,
  closedAt: null,
  closedByOperatorAt: null,
  lastChangedAt: null,
  openIntervalStartedAt: null,
  responseIntervals: [],
  credit: initialAssignmentCredit,
};
