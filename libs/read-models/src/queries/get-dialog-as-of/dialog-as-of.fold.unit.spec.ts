import { dialogFacts } from '@switchboard/read-models/testing';
import { factsUpTo, foldDialogAsOf } from './dialog-as-of.fold';

const { clientWrote, opened, operatorWrote } = dialogFacts;

const minute = (n: number) => new Date(Date.parse('2024-03-01T09:00:00.000Z') + n * 60_000);

describe('a dialog as of an instant', () => {
  const facts = [opened('d1', 1, 0), clientWrote('d1', 2, 1), operatorWrote('d1', 3, 3), clientWrote('d1', 4, 3), clientWrote('d1', 5, 7)];

  it('keeps the facts up to the instant, the instant included', () => {
    expect(factsUpTo(facts, minute(3)).map((fact) => fact.position)).toEqual([1n, 2n, 3n, 4n]);
    expect(factsUpTo(facts, new Date(minute(3).getTime() - 1)).map((fact) => fact.position)).toEqual([1n, 2n]);
    expect(factsUpTo(facts, minute(60))).toHaveLength(facts.length);
  });

  it('stops at the first later fact, so the fold always sees a prefix of the stream', () => {
    const outOfOrder = [opened('d1', 1, 0), clientWrote('d1', 2, 5), operatorWrote('d1', 3, 2)];
    expect(factsUpTo(outOfOrder, minute(3)).map((fact) => fact.position)).toEqual([1n]);
  });

  it('folds what had happened, and nothing before the opening', () => {
    expect(foldDialogAsOf('d1', facts, new Date(minute(0).getTime() - 1))).toBeUndefined();
    const atTwo = foldDialogAsOf('d1', facts, minute(2));
    expect(atTwo?.metrics).toMatchObject({ openIntervalStartedAt: minute(1).toISOString(), responseIntervals: [] });
    expect(atTwo?.lastPosition).toBe(2n);
    expect(foldDialogAsOf('d1', facts, minute(3))?.metrics.responseIntervals).toHaveLength(1);
  });
});
