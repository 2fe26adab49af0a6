import type { DialogEvent } from '@switchboard/dialogs';
import { evolveDialogMetrics } from './dialog-metrics.evolve';
import type { DialogMetricsState } from './dialog-metrics.state';
import { bot, client, closed, foldMetrics, note, opened, operator, reopened, taken, transferred } from '@switchboard/read-models/testing';

const history: DialogEvent[] = [
  opened(0),
  bot(1),
  client(2),
  taken('op-1', 3),
  operator('op-1', 4),
  client(5),
  note(6),
  transferred('line-support', 7),
  client(8),
  closed(9),
  reopened(10),
  client(11),
  operator('op-2', 13),
  client(14),
];

// What a projection does between two batches: store the state as JSON, read it back, go on.
const throughJson = (state: DialogMetricsState): DialogMetricsState => JSON.parse(JSON.stringify(state));

describe('evolveDialogMetrics', () => {
  it.each(history.map((_event, index) => [index]))('resumes from a stored state after %i events', (split) => {
    const stored = throughJson(foldMetrics(history.slice(0, split)));
    const resumed = history.slice(split).reduce(evolveDialogMetrics, stored);
    expect(resumed).toEqual(foldMetrics(history));
  });

  it('keeps a state that survives JSON unchanged', () => {
    const state = foldMetrics(history);
    expect(throughJson(state)).toStrictEqual(state);
  });

  it('never changes the state it is given', () => {
    const before = foldMetrics(history.slice(0, 5));
    const snapshot = throughJson(before);
    history.slice(5).reduce(evolveDialogMetrics, before);
    expect(before).toStrictEqual(snapshot);
  });

  it('starts afresh on an opening', () => {
    expect(foldMetrics([...history, opened(20)])).toEqual(foldMetrics([opened(20)]));
  });
});
