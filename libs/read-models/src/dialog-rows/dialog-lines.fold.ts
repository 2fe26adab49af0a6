import type { DialogFact } from '../facts/recorded-fact';

/** The line a dialog is in, as far as one projection has read the log. */
export type DialogLine = Readonly<{
  lineId: string;
  // Position of the opening or transfer that put it there.
  position: bigint;
  deleted: boolean;
}>;

export type FollowedLines = Readonly<{
  // The facts of dialogs that are listed and not deleted, in log order.
  live: readonly DialogFact[];
  changed: ReadonlyMap<string, DialogLine>;
  // Dialogs a DialogDeleted of these facts deleted: their rows go, earlier ones and these.
  deleted: readonly string[];
}>;

/**
 * Follows openings and transfers, so that a line deletion knows which dialogs it takes, and
 * keeps the facts of live dialogs. An opening or transfer at or before the recorded position
 * was applied already: a replayed transfer never moves a dialog back. A dialog's own deletion
 * marks it deleted like its line's would, so nothing after it is kept.
 */
export function followDialogLines(facts: readonly DialogFact[], known: ReadonlyMap<string, DialogLine>): FollowedLines {
  const lines = new Map(known);
  const changed = new Map<string, DialogLine>();
  const live: DialogFact[] = [];
  const deleted: string[] = [];
  for (const fact of facts) {
    const current = lines.get(fact.dialogId);
    const next = lineAfter(current, fact);
    if (next !== current && next !== undefined) {
      lines.set(fact.dialogId, next);
      changed.set(fact.dialogId, next);
      if (next.deleted) deleted.push(fact.dialogId);
    }
    if (next !== undefined && !next.deleted) live.push(fact);
  }
  return { live, changed, deleted };
}

function lineAfter(current: DialogLine | undefined, fact: DialogFact): DialogLine | undefined {
  if (current !== undefined && (current.deleted || fact.position <= current.position)) return current;
  const { event } = fact;
  if (event.type === 'DialogOpened' && current === undefined) {
    return { lineId: event.data.lineId, position: fact.position, deleted: false };
  }
  if (event.type === 'DialogTransferredToLine' && current !== undefined) {
    return { lineId: event.data.toLineId, position: fact.position, deleted: false };
  }
  if (event.type === 'DialogDeleted' && current !== undefined) {
    return { ...current, position: fact.position, deleted: true };
  }
  return current;
}
