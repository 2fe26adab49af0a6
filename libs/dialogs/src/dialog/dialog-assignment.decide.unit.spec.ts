import { dialogDecider } from './dialog.decider';
import {
  clientWrote,
  closedHistories,
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  iso,
  operatorAssignedAt,
  participantJoined,
  systemActor,
} from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const assign = (operatorId: string, operatorStatus: 'active' | 'suspended' | 'removed' | 'unknown' = 'active') =>
  [dialogCommand('AssignOperator', { operatorId }), dialogFacts({ [operatorId]: operatorStatus })] as const;
const unassign = () => dialogCommand('AssignOperator', { operatorId: null });
const unassigned = (previousOperatorId: string, reason: 'manual' | 'operator_removed' | 'transferred_to_line'): DialogEvent => ({
  type: 'OperatorUnassigned',
  data: { dialogId, previousOperatorId, reason, occurredAt: iso(10) },
});
const takenIntoWork = (operatorId: string): DialogEvent => ({
  type: 'DialogTakenIntoWork',
  data: { dialogId, operatorId, occurredAt: iso(10) },
});

describe('AssignOperator', () => {
  it('assigns a colleague manually', () => {
    spec
      .given([dialogOpened()])
      .when(...assign('op-2'))
      .then([operatorAssignedAt('op-2', 10, 'manual')]);
  });

  it('records self-assignment as such', () => {
    spec
      .given([dialogOpened()])
      .when(...assign('op-1'))
      .then([operatorAssignedAt('op-1', 10, 'self')]);
  });

  it('records the previous assignee on reassignment', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-3', 1)])
      .when(...assign('op-2'))
      .then([operatorAssignedAt('op-2', 10, 'manual', 'op-3')]);
  });

  it('does nothing when the operator is already the assignee, even if suspended since', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(...assign('op-2', 'suspended'))
      .thenNothing();
  });

  it('unassigns', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(unassign())
      .then([unassigned('op-2', 'manual')]);
  });

  it('does nothing when unassigning an unassigned dialog', () => {
    spec.given([dialogOpened()]).when(unassign()).thenNothing();
  });

  it('refuses a suspended operator', () => {
    spec
      .given([dialogOpened()])
      .when(...assign('op-2', 'suspended'))
      .thenFails({ code: 'operator_suspended', kind: 'conflict' });
  });

  it.each(['removed', 'unknown'] as const)('refuses a %s operator', (status) => {
    spec
      .given([dialogOpened()])
      .when(...assign('op-2', status))
      .thenFails({ code: 'operator_not_available', kind: 'conflict' });
  });

  describe.each(Object.entries(closedHistories))('on a %s dialog', (_status, history) => {
    it('refuses assignment', () => {
      spec
        .given(history)
        .when(...assign('op-2'))
        .thenFails({ code: 'dialog_closed', kind: 'conflict' });
    });

    it('refuses unassignment', () => {
      spec
        .given([...history.slice(0, 2), operatorAssignedAt('op-2', 1), ...history.slice(2)])
        .when(unassign())
        .thenFails({ code: 'dialog_closed', kind: 'conflict' });
    });
  });
});

describe('AssignRoutedOperator', () => {
  const routed = (operatorStatus: 'active' | 'suspended' = 'active') =>
    [dialogCommand('AssignRoutedOperator', { operatorId: 'op-2' }, { actor: systemActor }), dialogFacts({ 'op-2': operatorStatus })] as const;

  it('assigns the operator the line chose', () => {
    spec
      .given([dialogOpened()])
      .when(...routed())
      .then([operatorAssignedAt('op-2', 10, 'routing')]);
  });

  it('drops the routing result when someone was assigned meanwhile', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1, 'first_reply')])
      .when(...routed())
      .thenNothing();
  });

  it('drops the routing result when the dialog was closed meanwhile', () => {
    spec
      .given(closedHistories.closed)
      .when(...routed())
      .thenNothing();
  });

  it('refuses an operator suspended since routing', () => {
    spec
      .given([dialogOpened()])
      .when(...routed('suspended'))
      .thenFails({ code: 'operator_suspended', kind: 'conflict' });
  });
});

describe('TakeIntoWork', () => {
  const take = (operatorStatus: 'active' | 'suspended' | 'removed' = 'active') =>
    [dialogCommand('TakeIntoWork', {}), dialogFacts({ 'op-1': operatorStatus })] as const;

  it('assigns the taker and records the take', () => {
    spec
      .given([dialogOpened(), clientWrote(1)])
      .when(...take())
      .then([operatorAssignedAt('op-1', 10, 'take'), takenIntoWork('op-1')]);
  });

  it('takes a colleague dialog, recording whom it was taken from', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(...take())
      .then([operatorAssignedAt('op-1', 10, 'take', 'op-2'), takenIntoWork('op-1')]);
  });

  it('only records the take when the taker is already the assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(...take())
      .then([takenIntoWork('op-1')]);
  });

  it('does nothing when the assignee already has it in work', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1), { type: 'DialogTakenIntoWork', data: { dialogId, operatorId: 'op-1', occurredAt: iso(2) } }])
      .when(...take())
      .thenNothing();
  });

  it('refuses a suspended operator', () => {
    spec
      .given([dialogOpened()])
      .when(...take('suspended'))
      .thenFails({ code: 'operator_suspended', kind: 'conflict' });
  });

  it('refuses a removed operator', () => {
    spec
      .given([dialogOpened()])
      .when(...take('removed'))
      .thenFails({ code: 'operator_not_available', kind: 'conflict' });
  });

  it.each(Object.entries(closedHistories))('refuses a %s dialog', (_status, history) => {
    spec
      .given(history)
      .when(...take())
      .thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});

describe('UnassignRemovedOperator', () => {
  const removed = () => dialogCommand('UnassignRemovedOperator', { operatorId: 'op-2' }, { actor: systemActor });
  const left: DialogEvent = {
    type: 'ParticipantLeft',
    data: { dialogId, operatorId: 'op-2', reason: 'operator_removed', occurredAt: iso(10) },
  };

  it('unassigns the removed assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(removed())
      .then([unassigned('op-2', 'operator_removed')]);
  });

  it('also removes them from the participants', () => {
    spec
      .given([dialogOpened(), participantJoined('op-2', 1), operatorAssignedAt('op-2', 2)])
      .when(removed())
      .then([unassigned('op-2', 'operator_removed'), left]);
  });

  it('removes a mere participant without touching the assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1), participantJoined('op-2', 2)])
      .when(removed())
      .then([left]);
  });

  it('does nothing to a dialog the operator had no part in', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(removed())
      .thenNothing();
  });

  it.each(Object.entries(closedHistories))('leaves a %s dialog as it is', (_status, history) => {
    spec
      .given([history[0], operatorAssignedAt('op-2', 0), ...history.slice(1)])
      .when(removed())
      .thenNothing();
  });
});
