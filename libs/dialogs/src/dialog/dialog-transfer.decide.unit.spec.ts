import { dialogDecider } from './dialog.decider';
import {
  closedHistories,
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  foldEvents,
  iso,
  lineId,
  operatorAssignedAt,
} from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const withState = <C, S, F>([command, facts]: readonly [C, F], state: S) => [command, state, facts] as const;
const toLine = (toLineId = 'line-support', targetLineExists = true) =>
  [dialogCommand('TransferToLine', { toLineId }), dialogFacts({}, { [toLineId]: targetLineExists })] as const;
const transferred = (toLineId = 'line-support'): DialogEvent => ({
  type: 'DialogTransferredToLine',
  data: { dialogId, fromLineId: lineId, toLineId, occurredAt: iso(10) },
});

describe('TransferToLine', () => {
  it('unassigns the assignee and queues the dialog in the target line', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(...toLine())
      .then([
        { type: 'OperatorUnassigned', data: { dialogId, previousOperatorId: 'op-1', reason: 'transferred_to_line', occurredAt: iso(10) } },
        transferred(),
      ]);
  });

  it('only moves an unassigned dialog', () => {
    spec
      .given([dialogOpened()])
      .when(...toLine())
      .then([transferred()]);
  });

  it('lets an operator hand a dialog back to its own line queue', () => {
    spec
      .given([dialogOpened()])
      .when(...toLine(lineId))
      .then([transferred(lineId)]);
  });

  it('leaves the dialog queued, unassigned, in the new line', () => {
    const history = [dialogOpened(), operatorAssignedAt('op-1', 1)];
    const events = dialogDecider.decide(...withState(toLine(), foldEvents(dialogDecider, history)));
    expect(foldEvents(dialogDecider, [...history, ...events])).toMatchObject({
      detailedStatus: 'queued',
      assigneeId: null,
      lineId: 'line-support',
    });
  });

  it('refuses a line that does not exist', () => {
    spec
      .given([dialogOpened()])
      .when(...toLine('line-x', false))
      .thenFails({ code: 'target_line_not_found', kind: 'unprocessable' });
  });

  it.each(Object.entries(closedHistories))('refuses a %s dialog', (_status, history) => {
    spec
      .given(history)
      .when(...toLine())
      .thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});

describe('TransferToOperator', () => {
  const toOperator = (operatorId: string, operatorStatus: 'active' | 'suspended' | 'unknown' = 'active') =>
    [dialogCommand('TransferToOperator', { operatorId }), dialogFacts({ [operatorId]: operatorStatus })] as const;

  it('makes the colleague the assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(...toOperator('op-2'))
      .then([operatorAssignedAt('op-2', 10, 'transfer', 'op-1')]);
  });

  it('does nothing when the colleague is already the assignee', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-2', 1)])
      .when(...toOperator('op-2'))
      .thenNothing();
  });

  it('refuses a suspended colleague', () => {
    spec
      .given([dialogOpened()])
      .when(...toOperator('op-2', 'suspended'))
      .thenFails({ code: 'operator_suspended', kind: 'conflict' });
  });

  it('refuses an unknown colleague', () => {
    spec
      .given([dialogOpened()])
      .when(...toOperator('op-9', 'unknown'))
      .thenFails({ code: 'operator_not_available', kind: 'conflict' });
  });

  it.each(Object.entries(closedHistories))('refuses a %s dialog', (_status, history) => {
    spec
      .given(history)
      .when(...toOperator('op-2'))
      .thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});
