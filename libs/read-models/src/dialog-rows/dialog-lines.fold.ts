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
}>;

/**
 * Follows openings and transfers, so that a line deletion knows which dialogs it takes, and
 * keeps the facts of live dialogs. An opening or transfer at or before the recorded position
 * was applied already: a replayed transfer never moves a dialog back.
 */
export function followDialogLines(facts: readonly DialogFact[], known: ReadonlyMap<string, DialogLine>): FollowedLines {
  const lines = new Map(known);
  const changed = new Map<string, DialogLine>();
  const live: DialogFact[] = [];
  for (const fact of facts) {
    const current = lines.get(fact.dialogId);
    const next = lineAfter(current, fact);
    if (next !== current && next !== undefined) {
      lines.set(fact.dialogId, next);
      changed.set(fact.dialogId, next);
    }
    if (next !== undefined && !next.deleted) live.push(fact);
  }
  return { live, changed };
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
  return current;
}
