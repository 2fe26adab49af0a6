import type { Actor } from '../shared/actor';

export const operatorActor = (id: string): Actor => ({ kind: 'operator', id });
export const supervisorActor: Actor = { kind: 'supervisor', id: 'sup-1' };
export const serviceActor: Actor = { kind: 'service', id: 'telegram-gateway' };
export const systemActor: Actor = { kind: 'system', id: 'system' };
