import type { OperatorAvailability } from '../operator/operator-availability';
import { assertNever } from '../shared/assert-never';

export const automaticRoutingModes = ['round_robin', 'least_loaded'] as const;
export type AutomaticRoutingMode = (typeof automaticRoutingModes)[number];

export type RoutingCandidate = Readonly<{
  operatorId: string;
  status: OperatorAvailability;
  openDialogCount: number;
}>;

// Ids are compared by code unit, not by locale, so every process orders candidates alike.
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Returns null when nobody active can take the dialog; it then waits unassigned in the queue.
export function chooseOperator(mode: AutomaticRoutingMode, candidates: readonly RoutingCandidate[], lastRoutedOperatorId: string | null): string | null {
  const active = candidates.filter((candidate) => candidate.status === 'active');
  switch (mode) {
    case 'round_robin':
      return nextInTurn(active.map((candidate) => candidate.operatorId).sort(byId), lastRoutedOperatorId);
    case 'least_loaded':
      return leastLoaded(active);
    default:
      return assertNever(mode);
  }
}

// The cursor is an id rather than an index, so operators joining or leaving the line do not make
// anyone skip or repeat a turn.
function nextInTurn(sortedIds: readonly string[], lastRoutedOperatorId: string | null): string | null {
  if (sortedIds.length === 0) return null;
  if (lastRoutedOperatorId === null) return sortedIds[0] ?? null;
  return sortedIds.find((id) => id > lastRoutedOperatorId) ?? sortedIds[0] ?? null;
}

function leastLoaded(active: readonly RoutingCandidate[]): string | null {
  const [best] = [...active].sort((a, b) => a.openDialogCount - b.openDialogCount || byId(a.operatorId, b.operatorId));
  return best?.operatorId ?? null;
}
