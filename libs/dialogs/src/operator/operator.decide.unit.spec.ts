import { at, deciderSpec, iso } from '@switchboard/dialogs/testing';
import type { Actor } from '../shared/actor';
import type { OperatorCommand } from './operator.commands';
import { operatorDecider } from './operator.decider';
import type { OperatorEvent } from './operator.events';

const spec = deciderSpec(operatorDecider, undefined);
const admin: Actor = { kind: 'admin', id: 'admin-1' };
const operatorId = 'op-1';
const metadata = { actor: admin, occurredAt: at(5) };

const register: OperatorCommand = {
  type: 'RegisterOperator',
  data: { operatorId, name: 'Olga', lineIds: ['line-a', 'line-b', 'line-a'] },
  metadata,
};
const suspend: OperatorCommand = { type: 'SuspendOperator', data: { operatorId }, metadata };
const reactivate: OperatorCommand = { type: 'ReactivateOperator', data: { operatorId }, metadata };
const remove: OperatorCommand = { type: 'RemoveOperator', data: { operatorId }, metadata };

const registered: OperatorEvent = {
  type: 'OperatorRegistered',
  data: { operatorId, name: 'Olga', email: null, lineIds: ['line-a', 'line-b'], occurredAt: iso(0) },
};
const suspended: OperatorEvent = { type: 'OperatorSuspended', data: { operatorId, occurredAt: iso(1) } };
const reactivated: OperatorEvent = { type: 'OperatorReactivated', data: { operatorId, occurredAt: iso(2) } };
const removed: OperatorEvent = { type: 'OperatorRemoved', data: { operatorId, occurredAt: iso(2) } };

describe('operator', () => {
  it('registers, without duplicate lines', () => {
    spec
      .given([])
      .when(register)
      .then([{ ...registered, data: { ...registered.data, occurredAt: iso(5) } }]);
  });

  it('cannot register twice', () => {
    spec.given([registered]).when(register).thenFails({ code: 'operator_already_exists', kind: 'conflict' });
  });

  it('refuses a blank name', () => {
    spec
      .given([])
      .when({ ...register, data: { operatorId, name: ' ', lineIds: [] } })
      .thenFails({ code: 'required_field_missing', kind: 'invalid' });
  });

  it('suspends an active operator', () => {
    spec
      .given([registered])
      .when(suspend)
      .then([{ type: 'OperatorSuspended', data: { operatorId, occurredAt: iso(5) } }]);
  });

  it('cannot suspend a suspended operator', () => {
    spec.given([registered, suspended]).when(suspend).thenFails({ code: 'operator_not_active', kind: 'conflict' });
  });

  it('reactivates a suspended operator', () => {
    spec
      .given([registered, suspended])
      .when(reactivate)
      .then([{ type: 'OperatorReactivated', data: { operatorId, occurredAt: iso(5) } }]);
  });

  it.each([
    ['active', [registered]],
    ['reactivated', [registered, suspended, reactivated]],
  ])('cannot reactivate an %s operator', (_status, history) => {
    spec.given(history).when(reactivate).thenFails({ code: 'operator_not_suspended', kind: 'conflict' });
  });

  it.each([
    ['active', [registered]],
    ['suspended', [registered, suspended]],
  ])('removes an %s operator', (_status, history) => {
    spec
      .given(history)
      .when(remove)
      .then([{ type: 'OperatorRemoved', data: { operatorId, occurredAt: iso(5) } }]);
  });

  it.each([suspend, reactivate, remove])('treats removal as final: $type is refused', (command) => {
    spec.given([registered, removed]).when(command).thenFails({ code: 'operator_removed', kind: 'conflict' });
  });

  it('refuses to register a removed operator again', () => {
    spec.given([registered, removed]).when(register).thenFails({ code: 'operator_already_exists', kind: 'conflict' });
  });

  it.each([suspend, reactivate, remove])('answers not found to $type on an unknown operator', (command) => {
    spec.given([]).when(command).thenFails({ code: 'operator_not_found', kind: 'not_found' });
  });

  it('folds the status and lines', () => {
    const state = [registered, suspended].reduce(operatorDecider.evolve, operatorDecider.initialState);
    expect(state).toEqual({ exists: true, operatorId, status: 'suspended', lineIds: ['line-a', 'line-b'] });
  });
});
