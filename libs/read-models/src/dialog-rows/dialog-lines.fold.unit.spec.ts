import { dialogFacts } from '@switchboard/read-models/testing';
import { followDialogLines, type DialogLine } from './dialog-lines.fold';

const { clientWrote, deleted, opened, transferred } = dialogFacts;

describe('following the line of each dialog', () => {
  it('places a dialog at its opening and moves it with each transfer', () => {
    const followed = followDialogLines([opened('a', 1, 0, 'sales'), clientWrote('a', 2, 1), transferred('a', 3, 2, 'sales', 'support')], new Map());
    expect(followed.changed).toEqual(new Map([['a', { lineId: 'support', position: 3n, deleted: false }]]));
    expect(followed.live.map((f) => f.position)).toEqual([1n, 2n, 3n]);
  });

  it('never moves a dialog back on a replayed transfer', () => {
    const known = new Map<string, DialogLine>([['a', { lineId: 'vip', position: 9n, deleted: false }]]);
    const followed = followDialogLines([transferred('a', 3, 2, 'sales', 'support')], known);
    expect(followed.changed.size).toBe(0);
  });

  it('keeps no facts of deleted dialogs, nor of dialogs it never saw opened', () => {
    const known = new Map<string, DialogLine>([['gone', { lineId: 'old', position: 1n, deleted: true }]]);
    const followed = followDialogLines([clientWrote('gone', 5, 3), clientWrote('orphan', 6, 3), opened('gone', 7, 4)], known);
    expect(followed.live).toEqual([]);
    expect(followed.changed.size).toBe(0);
  });

  it('marks a dialog deleted by its own deletion and keeps nothing after it', () => {
    const followed = followDialogLines([opened('a', 1, 0), clientWrote('a', 2, 1), deleted('a', 3, 2), clientWrote('a', 4, 3), deleted('b', 5, 3)], new Map());
    expect(followed.live.map((f) => f.position)).toEqual([1n, 2n]);
    expect(followed.deleted).toEqual(['a']);
    expect(followed.changed).toEqual(new Map([['a', { lineId: 'sales', position: 3n, deleted: true }]]));
  });
});
