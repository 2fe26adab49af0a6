import type { LineSchedule } from './line-schedule.values';
import type { RoutingMode } from './line.values';

export type ExistingLineState = Readonly<{
  exists: true;
  lineId: string;
  routingMode: RoutingMode;
  // The operators automatic routing chooses among.
  operatorIds: readonly string[];
  deleted: boolean;
  lastRoutedOperatorId: string | null;
  lastRoutedDialogId: string | null;
  // Kept so that setting the same hours again records nothing; null is always open.
  schedule: LineSchedule | null;
}>;

export type LineState = Readonly<{ exists: false }> | ExistingLineState;

export const initialLineState: LineState = { exists: false };
