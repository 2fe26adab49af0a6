import { at, deciderSpec, iso, systemActor } from '@switchboard/dialogs/testing';
import type { RoutingCandidate } from '../routing/routing.policy';
import type { LineCommand } from './line.commands';
import { lineDecider } from './line.decider';
import type { LineEvent } from './line.events';
import type { RoutingMode } from './line.values';

const spec = deciderSpec(lineDecider, undefined);
const lineId = 'line-sales';
const metadata = { actor: { kind: 'admin', id: 'admin-1' } as const, occurredAt: at(5) };

const created = (routingMode: RoutingMode): LineEvent => ({
  type: 'LineCreated',
  data: { lineId, name: 'Sales', routingMode, operatorIds: ['op-a', 'op-b'], occurredAt: iso(0) },
});
const deleted: LineEvent = { type: 'LineDeleted', data: { lineId, occurredAt: iso(1) } };
const routedTo = (operatorId: string, dialogId: string, minute = 5): LineEvent => ({
  type: 'DialogRouted',
  data: { lineId, dialogId, operatorId, routingMode: 'round_robin', occurredAt: iso(minute) },
});
const candidates: RoutingCandidate[] = [
  { operatorId: 'op-b', status: 'active', openDialogCount: 1 },
  { operatorId: 'op-a', status: 'active', openDialogCount: 4 },
];
const route = (dialogId: string, routeCandidates: readonly RoutingCandidate[] = candidates): LineCommand => ({
  type: 'RouteDialog',
  data: { lineId, dialogId, candidates: routeCandidates },
  metadata: { actor: systemActor, occurredAt: at(5) },
});

describe('line', () => {
  it('is created, without duplicate operators', () => {
    const data = { lineId, name: 'Sales', routingMode: 'manual' } as const;
    spec
      .given([])
      .when({ type: 'CreateLine', data: { ...data, operatorIds: ['op-a', 'op-b', 'op-a'] }, metadata })
      .then([{ type: 'LineCreated', data: { ...data, operatorIds: ['op-a', 'op-b'], occurredAt: iso(5) } }]);
  });

  it('cannot be created twice', () => {
    spec
      .given([created('manual')])
      .when({ type: 'CreateLine', data: { lineId, name: 'Sales', routingMode: 'manual', operatorIds: [] }, metadata })
      .thenFails({ code: 'line_already_exists', kind: 'conflict' });
  });

  it('is deleted', () => {
    spec
      .given([created('manual')])
      .when({ type: 'DeleteLine', data: { lineId }, metadata })
      .then([{ type: 'LineDeleted', data: { lineId, occurredAt: iso(5) } }]);
  });

  it('cannot be deleted twice', () => {
    spec
      .given([created('manual'), deleted])
      .when({ type: 'DeleteLine', data: { lineId }, metadata })
      .thenFails({ code: 'line_deleted', kind: 'conflict' });
  });

  it('cannot be deleted before it exists', () => {
    spec.given([]).when({ type: 'DeleteLine', data: { lineId }, metadata }).thenFails({ code: 'line_not_found', kind: 'not_found' });
  });
});

describe('RouteDialog', () => {
  it('routes round robin from the start', () => {
    spec
      .given([created('round_robin')])
      .when(route('dlg-1'))
      .then([routedTo('op-a', 'dlg-1')]);
  });

  it('continues after the last routed operator, on the line stream', () => {
    spec
      .given([created('round_robin'), routedTo('op-a', 'dlg-1', 1)])
      .when(route('dlg-2'))
      .then([routedTo('op-b', 'dlg-2')]);
  });

  it('wraps around', () => {
    spec
      .given([created('round_robin'), routedTo('op-a', 'dlg-1', 1), routedTo('op-b', 'dlg-2', 2)])
      .when(route('dlg-3'))
      .then([routedTo('op-a', 'dlg-3')]);
  });

  it('routes to the least loaded operator', () => {
    spec
      .given([created('least_loaded')])
      .when(route('dlg-1'))
      .then([{ type: 'DialogRouted', data: { lineId, dialogId: 'dlg-1', operatorId: 'op-b', routingMode: 'least_loaded', occurredAt: iso(5) } }]);
  });

  it('records nothing when no candidate is active: the dialog stays unassigned', () => {
    spec
      .given([created('round_robin')])
      .when(route('dlg-1', [{ operatorId: 'op-a', status: 'suspended', openDialogCount: 0 }]))
      .thenNothing();
  });

  it('ignores a redelivered request for the dialog it just routed', () => {
    spec
      .given([created('round_robin'), routedTo('op-a', 'dlg-1', 1)])
      .when(route('dlg-1'))
      .thenNothing();
  });

  it('refuses a line with manual routing', () => {
    spec
      .given([created('manual')])
      .when(route('dlg-1'))
      .thenFails({ code: 'line_routing_manual', kind: 'conflict' });
  });

  it('refuses a deleted line', () => {
    spec
      .given([created('round_robin'), deleted])
      .when(route('dlg-1'))
      .thenFails({ code: 'line_deleted', kind: 'conflict' });
  });

  it('refuses an unknown line', () => {
    spec.given([]).when(route('dlg-1')).thenFails({ code: 'line_not_found', kind: 'not_found' });
  });
});
