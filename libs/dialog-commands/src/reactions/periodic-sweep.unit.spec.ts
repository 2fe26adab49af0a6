import { PeriodicSweep } from './periodic-sweep';

/** A sweep whose rounds end when the test says. */
class HeldSweep extends PeriodicSweep {
  readonly everyMs = 100;
  rounds = 0;
  private finish?: () => void;

  sweep(): Promise<number> {
    this.rounds++;
    return new Promise((resolve) => (this.finish = () => resolve(1)));
  }

  endRound(): void {
    this.finish?.();
  }
}

describe('periodic sweep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs one round at a time: ticks while a round runs are skipped', async () => {
    const sweep = new HeldSweep();
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(350);
    expect(sweep.rounds).toBe(1);
    sweep.endRound();
    await jest.advanceTimersByTimeAsync(100);
    expect(sweep.rounds).toBe(2);
    sweep.endRound();
    await sweep.onModuleDestroy();
  });

  it('stops before the stores close: waits for the round in flight, then starts none', async () => {
    const sweep = new HeldSweep();
    sweep.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(100);
    let destroyed = false;
    const destroying = sweep.onModuleDestroy().then(() => (destroyed = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(destroyed).toBe(false);
    sweep.endRound();
    await destroying;
    await jest.advanceTimersByTimeAsync(1000);
    expect(sweep.rounds).toBe(1);
  });
});
