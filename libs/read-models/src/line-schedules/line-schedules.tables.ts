/**
 * Each line's schedule timeline as the log has built it so far, for the business-hours values
 * of the dialog list: loaded per batch for the lines the batch's dialogs are in. It lives in the
 * dialog list's generation, so a rebuild builds it afresh beside the dialogs it measures.
 */
export const lineSchedulesDdl: readonly string[] = [
  `CREATE TABLE line_schedules (
    line_id       text   PRIMARY KEY,
    timeline      jsonb  NOT NULL,
    last_position bigint NOT NULL
  )`,
];

export const LINE_SCHEDULES_TABLE = 'line_schedules';
