/**
 * One row per assignment period of a dialog (see AssignmentPeriod): who held it, from when to
 * when, when the client first waited during it and when the first public operator message
 * answered that wait. Rows change while their period runs (an upsert by dialog and number), so
 * they carry the position of the last event that changed them. `day` is the UTC date of the
 * first response, for the aggregates per day.
 */
export const assignmentResponsesDdl: readonly string[] = [
  `CREATE TABLE assignment_responses (
    dialog_id          text        NOT NULL,
    assignment_number  integer     NOT NULL,
    operator_id        text        NOT NULL,
    reason             text        NOT NULL,
    line_id            text,
    assigned_at        timestamptz NOT NULL,
    unassigned_at      timestamptz,
    client_waiting_at  timestamptz,
    first_response_at  timestamptz,
    first_responder_id text,
    first_response_ms  bigint,
    day                date,
    last_position      bigint      NOT NULL,
    PRIMARY KEY (dialog_id, assignment_number)
  )`,
  `CREATE INDEX assignment_responses_operator ON assignment_responses (operator_id, first_response_at) INCLUDE (first_response_ms, day)`,
  `CREATE INDEX assignment_responses_line ON assignment_responses (line_id, first_response_at) INCLUDE (first_response_ms, day)`,
  `CREATE INDEX assignment_responses_first_response ON assignment_responses (first_response_at) INCLUDE (first_response_ms, day, operator_id, line_id)`,
];

export const ASSIGNMENT_RESPONSES_TABLE = 'assignment_responses';
