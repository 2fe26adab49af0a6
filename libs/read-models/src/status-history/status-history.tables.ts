/**
 * Every change of a dialog's general or detailed status, with the event and the actor behind it.
 * An event changes a dialog's status at most once, so the event's position keys the row, and the
 * key alone serves the one query: a dialog's history in order.
 */
export const statusHistoryDdl: readonly string[] = [
  `CREATE TABLE status_history (
    dialog_id            text        NOT NULL,
    position             bigint      NOT NULL,
    event_id             uuid        NOT NULL,
    event_type           text        NOT NULL,
    occurred_at          timestamptz NOT NULL,
    actor_kind           text,
    actor_id             text,
    from_general_status  text,
    to_general_status    text        NOT NULL,
    from_detailed_status text,
    to_detailed_status   text        NOT NULL,
    PRIMARY KEY (dialog_id, position)
  )`,
];
