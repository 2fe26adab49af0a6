import type { Position } from '../event-store.port';
import { PollingSubscription, type PolledBatch } from './polling-subscription';

/** Runs a subscription over these answers and gives the positions it asked to read after. */
async function positionsAsked(answers: PolledBatch[]): Promise<(Position | undefined)[]> {
  const asked: (Position | undefined)[] = [];
  let subscription: PollingSubscription | undefined;
  const read = async (after: Position | undefined): Promise<PolledBatch> => {
    asked.push(after);
    const answer = answers.shift();
    if (answer === undefined) void subscription?.stop();
    return answer ?? { events: [] };
  };
  subscription = new PollingSubscription(read, async () => undefined, () => () => undefined, { minDelayMs: 0, maxDelayMs: 0 });
  await subscription.done;
  return asked;
}

describe('a polling subscription', () => {
  it('resumes after what a read looked through, not after the last event it matched', async () => {
    expect(await positionsAsked([{ events: [], scannedThrough: 40n }, { events: [], scannedThrough: 90n }])).toEqual([undefined, 40n, 90n]);
  });

  it('never moves its resume point back when a read looked through less than it has seen', async () => {
    expect(await positionsAsked([{ events: [], scannedThrough: 40n }, { events: [], scannedThrough: 30n }])).toEqual([undefined, 40n, 40n]);
  });
});
