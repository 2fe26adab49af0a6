import { automaticRoutingModes } from '../routing/routing.policy';

export const routingModes = ['manual', ...automaticRoutingModes] as const;
export type RoutingMode = (typeof routingModes)[number];
