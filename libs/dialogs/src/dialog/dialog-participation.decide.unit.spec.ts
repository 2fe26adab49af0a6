import { dialogDecider } from './dialog.decider';
import {
  closedHistories,
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  iso,
  operatorAssignedAt,
  participantJoined,
} from '@switchboard/dialogs/testing';

const spec = deciderSpec(dialogDecider, dialogFacts());
const join = () => dialogCommand('JoinDialog', {});
const leave = () => dialogCommand('LeaveDialog', {});

describe('JoinDialog', () => {
  it('adds the acting operator as a participant', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(join())
      .then([participantJoined('op-1', 10)]);
  });

  it('does nothing for the assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(join())
      .thenNothing();
  });

  it('does nothing for an existing participant', () => {
    spec
      .given([dialogOpened(), participantJoined('op-1', 1)])
      .when(join())
      .thenNothing();
  });

  it.each(Object.entries(closedHistories))('refuses a %s dialog', (_status, history) => {
    spec.given(history).when(join()).thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});

describe('LeaveDialog', () => {
  const left = { type: 'ParticipantLeft', data: { dialogId, operatorId: 'op-1', reason: 'left', occurredAt: iso(10) } } as const;

  it('removes the acting participant', () => {
    spec
      .given([dialogOpened(), participantJoined('op-1', 1)])
      .when(leave())
      .then([left]);
  });

  it('refuses a non-participant rather than answering with nothing', () => {
    spec.given([dialogOpened()]).when(leave()).thenFails({ code: 'not_a_participant', kind: 'conflict' });
  });

  it('refuses the assignee, who would stay assigned: they transfer or unassign instead', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(leave())
      .thenFails({ code: 'assignee_cannot_leave', kind: 'conflict' });
  });

  it('is allowed on a closed dialog', () => {
    spec
      .given([dialogOpened(), participantJoined('op-1', 0), ...closedHistories.closed.slice(1)])
      .when(leave())
      .then([left]);
  });
});
