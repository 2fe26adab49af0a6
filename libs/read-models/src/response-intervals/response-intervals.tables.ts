/**
 * Closed response intervals, for the aggregates per operator, line and day (count, mean,
 * median, p90, max). Each index leads with what an aggregate filters on, then the time range,
 * and carries the durations (calendar and business hours) so the aggregate is read from the
 * index alone.
 */
export const responseIntervalsDdl: readonly string[] = [
  `CREATE TABLE response_intervals (
    dialog_id   text        NOT NULL,
    position    bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    operator_id text        NOT NULL,
    line_id     text,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NOT NULL,
    duration_ms bigint      NOT NULL,
    day         date        NOT NULL,
    assignee_id text,
    business_duration_ms bigint NOT NULL,
    PRIMARY KEY (dialog_id, position)
  )`,
  `CREATE INDEX response_intervals_operator ON response_intervals (operator_id, ended_at) INCLUDE (duration_ms, day, business_duration_ms)`,
  `CREATE INDEX response_intervals_line ON response_intervals (line_id, ended_at) INCLUDE (duration_ms, day, business_duration_ms)`,
  // Credit by history: the same aggregates per operator assigned during the wait.
  `CREATE INDEX response_intervals_assignee ON response_intervals (assignee_id, ended_at) INCLUDE (duration_ms, day, business_duration_ms)`,
  `CREATE INDEX response_intervals_ended_at ON response_intervals (ended_at) INCLUDE (duration_ms, day, operator_id, line_id, business_duration_ms)`,
];
