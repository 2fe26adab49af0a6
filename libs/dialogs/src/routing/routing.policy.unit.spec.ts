import type { OperatorAvailability } from '../operator/operator-availability';
import { chooseOperator, type RoutingCandidate } from './routing.policy';

const candidate = (operatorId: string, openDialogCount = 0, status: OperatorAvailability = 'active'): RoutingCandidate => ({
  operatorId,
  status,
  openDialogCount,
});

describe('round robin', () => {
  const candidates = [candidate('op-c'), candidate('op-a'), candidate('op-b')];

  it.each<[string | null, string]>([
    [null, 'op-a'],
    ['op-a', 'op-b'],
    ['op-b', 'op-c'],
    ['op-c', 'op-a'],
  ])('after %s picks %s (sorted by id, wrapping)', (last, expected) => {
    expect(chooseOperator('round_robin', candidates, last)).toBe(expected);
  });

  it('continues after an operator who is no longer a candidate', () => {
    expect(chooseOperator('round_robin', [candidate('op-a'), candidate('op-c')], 'op-b')).toBe('op-c');
  });

  it('skips inactive candidates', () => {
    const mixed = [candidate('op-a'), candidate('op-b', 0, 'suspended'), candidate('op-c', 0, 'removed'), candidate('op-d', 0, 'unknown')];
    expect(chooseOperator('round_robin', mixed, 'op-a')).toBe('op-a');
  });

  it('picks nobody when nobody is active', () => {
    expect(chooseOperator('round_robin', [candidate('op-a', 0, 'suspended')], null)).toBeNull();
    expect(chooseOperator('round_robin', [], 'op-a')).toBeNull();
  });
});

describe('least loaded', () => {
  it('picks the active candidate with the fewest open dialogs', () => {
    const candidates = [candidate('op-a', 5), candidate('op-b', 2), candidate('op-c', 0, 'suspended'), candidate('op-d', 3)];
    expect(chooseOperator('least_loaded', candidates, null)).toBe('op-b');
  });

  it('breaks ties by id', () => {
    expect(chooseOperator('least_loaded', [candidate('op-z', 1), candidate('op-m', 1), candidate('op-x', 4)], 'op-m')).toBe('op-m');
  });

  it('picks nobody when nobody is active', () => {
    expect(chooseOperator('least_loaded', [candidate('op-a', 0, 'removed')], null)).toBeNull();
  });
});
