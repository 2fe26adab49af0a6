import { dialogFacts } from '@switchboard/read-models/testing';
import { foldDialogList, type KnownDialogs } from './dialog-list.fold';

const { clientWrote, deleted, fact, opened, operatorWrote } = dialogFacts;

const nothingKnown: KnownDialogs = { listed: new Map(), deleted: new Set(), schedules: new Map() };

describe('folding a run of facts into the dialog list', () => {
  it('folds interleaved dialogs apart and reports new ones in the log order of their openings', () => {
    const changes = foldDialogList(
      [opened('b', 1, 0), opened('a', 2, 0), clientWrote('b', 3, 1), clientWrote('a', 4, 2), operatorWrote('a', 5, 4)],
      nothingKnown,
    );
    expect(changes.opened).toEqual(['b', 'a']);
    expect(changes.dialogs.map((d) => [d.dialogId, d.number, d.lastPosition, d.summary.detailedStatus])).toEqual([
      ['b', null, 3n, 'new'],
      ['a', null, 5n, 'operator_answered'],
    ]);
  });

  it('derives status changes and closed response intervals from the same fold', () => {
    const changes = foldDialogList([opened('a', 1, 0), clientWrote('a', 2, 1), operatorWrote('a', 3, 4, 'op-7')], nothingKnown);
    expect(changes.statusChanges.map((c) => [c.position, c.from_detailed_status, c.to_detailed_status])).toEqual([
      ['1', null, 'new'],
      ['3', 'new', 'operator_answered'],
    ]);
    expect(changes.responseIntervals).toEqual([
      expect.objectContaining({ dialog_id: 'a', position: '3', operator_id: 'op-7', line_id: 'sales', duration_ms: 3 * 60_000 }),
    ]);
  });

  it('continues from the stored state and skips what it already folded', () => {
    const first = foldDialogList([opened('a', 1, 0), clientWrote('a', 2, 1)], nothingKnown);
    const stored = { ...first.dialogs[0], number: 7 };
    const known: KnownDialogs = { listed: new Map([['a', stored]]), deleted: new Set(), schedules: new Map() };

    const replayed = foldDialogList([opened('a', 1, 0), clientWrote('a', 2, 1)], known);
    expect(replayed).toEqual({ dialogs: [], opened: [], statusChanges: [], responseIntervals: [], assignmentResponses: [], deleted: [] });

    const next = foldDialogList([clientWrote('a', 2, 1), operatorWrote('a', 3, 5)], known);
    expect(next.opened).toEqual([]);
    expect(next.dialogs.map((d) => [d.number, d.lastPosition, d.metrics.responseIntervals.length])).toEqual([[7, 3n, 1]]);
  });

  it('skips the facts of deleted dialogs and of dialogs whose opening the log does not hold', () => {
    const known: KnownDialogs = { listed: new Map(), deleted: new Set(['gone']), schedules: new Map() };
    const changes = foldDialogList(
      [opened('gone', 1, 0), clientWrote('gone', 2, 1), clientWrote('orphan', 3, 1), fact('TagAdded', 'orphan', 4, 2, { tag: 'vip' })],
      known,
    );
    expect(changes).toEqual({ dialogs: [], opened: [], statusChanges: [], responseIntervals: [], assignmentResponses: [], deleted: [] });
  });

  it('ends the fold of a deleted dialog, in the line it was in, keeping the number its opening took', () => {
    const changes = foldDialogList(
      [opened('a', 1, 0), opened('b', 2, 0), clientWrote('a', 3, 1), deleted('a', 4, 2), clientWrote('a', 5, 3), clientWrote('b', 6, 3)],
      nothingKnown,
    );
    expect(changes.opened).toEqual(['a', 'b']);
    expect(changes.dialogs.map((d) => d.dialogId)).toEqual(['b']);
    expect(changes.deleted).toEqual([{ dialogId: 'a', lineId: 'sales', position: 4n, deletedAt: '2024-03-01T09:02:00.000Z' }]);
  });

  it('deletes a dialog listed in an earlier run, and nothing of one it never saw opened', () => {
    const first = foldDialogList([opened('a', 1, 0, 'support')], nothingKnown);
    const known: KnownDialogs = { listed: new Map([['a', { ...first.dialogs[0], number: 1 }]]), deleted: new Set(), schedules: new Map() };
    expect(foldDialogList([deleted('a', 2, 1), deleted('orphan', 3, 1)], known).deleted).toEqual([
      { dialogId: 'a', lineId: 'support', position: 2n, deletedAt: '2024-03-01T09:01:00.000Z' },
    ]);
    // Replayed, the deletion is at or before the position folded: already applied.
    const after = { ...first.dialogs[0], number: 1, lastPosition: 2n };
    expect(foldDialogList([deleted('a', 2, 1)], { ...known, listed: new Map([['a', after]]) }).deleted).toEqual([]);
  });

  it('collects the words of the client name and of public messages, not of notes', () => {
    const changes = foldDialogList(
      [opened('a', 1, 0), clientWrote('a', 2, 1, 'parcel lost'), fact('NoteAdded', 'a', 3, 2, { noteId: 'n-1', operatorId: 'op-1', text: 'internal words' })],
      nothingKnown,
    );
    expect(changes.dialogs[0].searchTexts).toEqual(['Client a', 'parcel lost']);
  });
});
