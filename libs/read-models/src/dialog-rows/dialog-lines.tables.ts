/**
 * A rows projection's own record of each dialog's line, so that a line's deletion finds the
 * dialogs whose rows it takes.
 */
export const dialogLinesDdl = (table: string): readonly string[] => [
  `CREATE TABLE ${table} (
    dialog_id text    PRIMARY KEY,
    line_id   text    NOT NULL,
    position  bigint  NOT NULL,
    deleted   boolean NOT NULL DEFAULT false
  )`,
  `CREATE INDEX ${table}_line ON ${table} (line_id) WHERE NOT deleted`,
];
