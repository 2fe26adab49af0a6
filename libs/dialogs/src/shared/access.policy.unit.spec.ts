import type { Actor, ActorKind } from './actor';
import { accessTable, assertAuthorized, authorize, type AccessAction, type DialogAccessFacts } from './access.policy';
import { DomainError } from './domain-error';

const actor = (kind: ActorKind, id = 'op-1'): Actor => ({ kind, id });
const unassigned: DialogAccessFacts = { assigneeId: null, participantIds: [] };
const mine: DialogAccessFacts = { assigneeId: 'op-1', participantIds: [] };
const joined: DialogAccessFacts = { assigneeId: 'op-2', participantIds: ['op-1'] };
const colleagues: DialogAccessFacts = { assigneeId: 'op-2', participantIds: ['op-3'] };
const allActions = Object.keys(accessTable) as AccessAction[];

const dialogWork: AccessAction[] = [
  'SendOperatorMessage',
  'AddNote',
  'AssignOperator',
  'TakeIntoWork',
  'JoinDialog',
  'LeaveDialog',
  'TransferToLine',
  'TransferToOperator',
  'AddTag',
  'RemoveTag',
  'PinDialog',
  'UnpinDialog',
  'SetCrmLink',
  'CloseDialog',
  'ForceCloseAsSpam',
  'ReopenDialog',
  'ViewDialog',
];
const administration: AccessAction[] = [
  'RegisterOperator',
  'SuspendOperator',
  'ReactivateOperator',
  'RemoveOperator',
  'CreateLine',
  'DeleteLine',
  'SetLineSchedule',
  'ClearLineSchedule',
];

describe('operator', () => {
  describe.each(dialogWork)('%s', (action) => {
    it.each([
      ['unassigned', unassigned],
      ['assigned to them', mine],
      ['joined by them', joined],
    ])('is allowed on a dialog %s', (_case, dialog) => {
      expect(authorize(actor('operator'), action, dialog)).toEqual({ allowed: true });
    });

    it("is refused on a colleague's dialog", () => {
      expect(authorize(actor('operator'), action, colleagues).allowed).toBe(false);
    });
  });

  it.each([...administration, 'ReviewDialog', 'RateDialog', 'SendClientMessage', 'SendBotMessage'] as AccessAction[])('may not %s', (action) => {
    expect(authorize(actor('operator'), action, unassigned).allowed).toBe(false);
  });

  it('may open an outbound dialog', () => {
    expect(authorize(actor('operator'), 'OpenDialog', null).allowed).toBe(true);
  });

  it('passes the own-dialog check when the dialog is not loaded, leaving not_found to the decider', () => {
    expect(authorize(actor('operator'), 'CloseDialog', null).allowed).toBe(true);
  });
});

describe.each<ActorKind>(['supervisor', 'admin'])('%s', (kind) => {
  it.each(dialogWork)("may %s on anyone's dialog", (action) => {
    expect(authorize(actor(kind, 'x'), action, colleagues).allowed).toBe(true);
  });

  it('may review', () => {
    expect(authorize(actor(kind), 'ReviewDialog', colleagues).allowed).toBe(true);
  });
});

describe('administration', () => {
  it.each(administration)('%s is for admins', (action) => {
    expect(authorize(actor('admin'), action, null).allowed).toBe(true);
    expect(authorize(actor('supervisor'), action, null).allowed).toBe(false);
  });
});

describe('deleting a dialog', () => {
  it('is for admins alone: it takes the dialog out of the figures supervisors are judged by', () => {
    expect(authorize(actor('admin'), 'DeleteDialog', colleagues).allowed).toBe(true);
    for (const kind of ['operator', 'supervisor', 'auditor', 'service', 'system'] as const) {
      expect(authorize(actor(kind), 'DeleteDialog', unassigned).allowed).toBe(false);
    }
  });
});

describe('auditor', () => {
  it.each(allActions.filter((a) => a !== 'ViewDialog'))('may not %s', (action) => {
    expect(authorize(actor('auditor'), action, unassigned).allowed).toBe(false);
  });

  it('may view any dialog', () => {
    expect(authorize(actor('auditor'), 'ViewDialog', colleagues).allowed).toBe(true);
  });
});

describe('service', () => {
  const allowed: AccessAction[] = ['OpenDialog', 'SendClientMessage', 'SendBotMessage', 'RateDialog'];

  it.each(allowed)('may %s', (action) => {
    expect(authorize(actor('service'), action, colleagues).allowed).toBe(true);
  });

  it.each(allActions.filter((a) => !allowed.includes(a)))('may not %s', (action) => {
    expect(authorize(actor('service'), action, unassigned).allowed).toBe(false);
  });
});

describe('system', () => {
  it.each<AccessAction>([
    'AssignRoutedOperator',
    'FinishClosing',
    'UnassignRemovedOperator',
    'RouteDialog',
    'RecordReminderDue',
    'CancelReminderOfClosedDialog',
  ])('alone may %s', (action) => {
    expect(authorize(actor('system'), action, null).allowed).toBe(true);
    for (const kind of ['operator', 'supervisor', 'admin', 'auditor', 'service'] as const) {
      expect(authorize(actor(kind), action, null).allowed).toBe(false);
    }
  });
});

describe('assertAuthorized', () => {
  it('throws a forbidden domain error', () => {
    expect.assertions(2);
    try {
      assertAuthorized(actor('auditor'), 'CloseDialog', unassigned);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'access_denied', kind: 'forbidden' });
    }
  });
});
