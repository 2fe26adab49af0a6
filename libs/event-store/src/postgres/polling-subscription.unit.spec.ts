import type { LogPage, Position, RecordedEvent } from '../event-store.port';
import { PollingSubscription } from './polling-subscription';

const event = (position: Position): RecordedEvent => ({
  id: `e-${position}`,
  type: 'Happened',
  streamId: 's-1',
  revision: 0n,
  position,
  data: {},
  metadata: {},
  recordedAt: new Date(0),
});

type Step = { page: LogPage; at?: number };

/**
 * Runs a subscription over these answers, one per read, with a clock each answer sets, and tells
 * what it asked to read after, what the handler got and what the owner heard of progress.
 */
async function follow(steps: Step[], options: { after?: Position; progressEveryMs?: number } = {}) {
  const asked: (Position | undefined)[] = [];
  const handed: Position[] = [];
  const progress: Array<{ through: Position; at: number }> = [];
  let clock = 0;
  const box: { subscription?: PollingSubscription } = {};
  const read = async (after: Position | undefined): Promise<LogPage> => {
    asked.push(after);
    const step = steps.shift();
    if (step === undefined) {
      void box.subscription?.stop();
      return { events: [] };
    }
    clock = step.at ?? clock;
    return step.page;
  };
  box.subscription = new PollingSubscription(
    read,
    async (batch) => void handed.push(...batch.map((e) => e.position)),
    () => () => undefined,
    {
      after: options.after,
      minDelayMs: 0,
      maxDelayMs: 0,
      now: () => clock,
      progressEveryMs: options.progressEveryMs ?? 1000,
      onProgress: async (through) => void progress.push({ through, at: clock }),
    },
  );
  await box.subscription.done;
  return { asked, handed, progress };
}

describe('a polling subscription', () => {
  it('reads on after what a read looked through, not after the last event it matched', async () => {
    const { asked, handed } = await follow([{ page: { events: [event(10n)], lookedThrough: 40n } }, { page: { events: [], lookedThrough: 90n } }]);
    expect(handed).toEqual([10n]);
    expect(asked).toEqual([undefined, 40n, 90n]);
  });

  it('reads on after the last event of a page that says nothing of how far it looked', async () => {
    const { asked } = await follow([{ page: { events: [event(10n), event(12n)] } }, { page: { events: [] } }], { after: 5n });
    expect(asked).toEqual([5n, 12n, 12n]);
  });

  it('never moves back when a read looked through less than it has seen', async () => {
    const { asked } = await follow([{ page: { events: [], lookedThrough: 40n } }, { page: { events: [], lookedThrough: 30n } }]);
    expect(asked).toEqual([undefined, 40n, 40n]);
  });

  it('tells its owner how far it looked at once, then at most once an interval, and only when it moved', async () => {
    const { progress } = await follow([
      { page: { events: [], lookedThrough: 40n }, at: 0 },
      { page: { events: [], lookedThrough: 50n }, at: 999 },
      { page: { events: [], lookedThrough: 60n }, at: 1000 },
      { page: { events: [], lookedThrough: 60n }, at: 5000 },
      { page: { events: [], lookedThrough: 70n }, at: 5001 },
    ]);
    expect(progress).toEqual([
      { through: 40n, at: 0 },
      { through: 60n, at: 1000 },
      { through: 70n, at: 5001 },
    ]);
  });

  it('tells nothing within an interval of a batch, whose owner has just stored its checkpoint', async () => {
    const { progress } = await follow([
      { page: { events: [event(10n)], lookedThrough: 40n }, at: 100 },
      { page: { events: [], lookedThrough: 40n }, at: 200 },
      { page: { events: [], lookedThrough: 45n }, at: 1099 },
      { page: { events: [], lookedThrough: 45n }, at: 1100 },
    ]);
    expect(progress).toEqual([{ through: 45n, at: 1100 }]);
  });

  it('tells nothing about a resume point its owner gave it', async () => {
    const { progress } = await follow([{ page: { events: [] } }, { page: { events: [], lookedThrough: 30n } }], { after: 30n });
    expect(progress).toEqual([]);
  });
});
