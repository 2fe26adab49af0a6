import type { RoutingMode } from './line.values';

export type ExistingLineState = Readonly<{
  exists: true;
  lineId: string;
  routingMode: RoutingMode;
  deleted: boolean;
  lastRoutedOperatorId: string | null;
  lastRoutedDialogId: string | null;
}>;

export type LineState = Readonly<{ exists: false }> | ExistingLineState;

export const initialLineState: LineState = { exists: false };
