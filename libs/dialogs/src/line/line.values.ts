import type { AutomaticRoutingMode } from '../routing/routing.policy';

export type RoutingMode = 'manual' | AutomaticRoutingMode;
