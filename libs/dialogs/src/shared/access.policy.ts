import type { Actor, ActorKind } from './actor';
import { assertNever } from './assert-never';
import { DomainError } from './domain-error';

// Actions are command names, except that a message is split by its author: who may speak for
// the client is a different question from who may answer as an operator.
export type AccessAction =
  | 'ViewDialog'
  | 'OpenDialog'
  | 'SendClientMessage'
  | 'SendBotMessage'
  | 'SendOperatorMessage'
  | 'AddNote'
  | 'AssignOperator'
  | 'AssignRoutedOperator'
  | 'TakeIntoWork'
  | 'JoinDialog'
  | 'LeaveDialog'
  | 'TransferToLine'
  | 'TransferToOperator'
  | 'AddTag'
  | 'RemoveTag'
  | 'PinDialog'
  | 'UnpinDialog'
  | 'SetCrmLink'
  | 'CloseDialog'
  | 'FinishClosing'
  | 'ForceCloseAsSpam'
  | 'ReopenDialog'
  | 'RateDialog'
  | 'ReviewDialog'
  | 'DeleteDialog'
  | 'UnassignRemovedOperator'
  | 'RegisterOperator'
  | 'SuspendOperator'
  | 'ReactivateOperator'
  | 'RemoveOperator'
  | 'CreateLine'
  | 'DeleteLine'
  | 'SetLineSchedule'
  | 'ClearLineSchedule'
  | 'RouteDialog'
  | 'CreateSavedReply'
  | 'EditSavedReply'
  | 'DeleteSavedReply'
  | 'SetReminder'
  | 'CompleteReminder'
  | 'CancelReminder'
  | 'RecordReminderDue'
  | 'CancelReminderOfClosedDialog'
  | 'EraseClientData';

// any: every dialog; own: dialogs that are unassigned, assigned to the actor, or where the actor
// participates; none: refused.
export type AccessScope = 'any' | 'own' | 'none';

export type DialogAccessFacts = Readonly<{ assigneeId: string | null; participantIds: readonly string[] }>;

export type AccessDecision = Readonly<{ allowed: true }> | Readonly<{ allowed: false; reason: string }>;

type AccessRow = Readonly<Record<ActorKind, AccessScope>>;

const row = (
  operator: AccessScope,
  supervisor: AccessScope,
  admin: AccessScope,
  auditor: AccessScope,
  service: AccessScope,
  system: AccessScope,
): AccessRow => ({ operator, supervisor, admin, auditor, service, system });

// Support work on one dialog: operators within their own dialogs, supervisors and admins on all,
// the system (process managers, bulk jobs) on all; auditors and services never.
const supportWork = row('own', 'any', 'any', 'none', 'none', 'any');
// Reactions to other streams' facts; only the system's process managers issue them.
const systemOnly = row('none', 'none', 'none', 'none', 'none', 'any');
const administration = row('none', 'none', 'any', 'none', 'none', 'any');
// Saved replies and reminders are the staff's own tools: "own" here is judged by their deciders
// (personal replies and reminders their owner's, team replies supervisors' and admins'), not by a dialog.
const ownTools = row('own', 'own', 'own', 'none', 'none', 'none');

export const accessTable: Readonly<Record<AccessAction, AccessRow>> = {
  //                       operator supervisor admin   auditor  service  system
  ViewDialog: row('own', 'any', 'any', 'any', 'none', 'any'),
  OpenDialog: row('any', 'any', 'any', 'none', 'any', 'any'),
  SendClientMessage: row('none', 'none', 'none', 'none', 'any', 'any'),
  SendBotMessage: row('none', 'none', 'none', 'none', 'any', 'any'),
  SendOperatorMessage: row('own', 'any', 'any', 'none', 'none', 'none'),
  // The rating is the client's voice; like the client's messages it arrives through a service.
  RateDialog: row('none', 'none', 'none', 'none', 'any', 'none'),
  ReviewDialog: row('none', 'any', 'any', 'none', 'none', 'none'),
  AddNote: supportWork,
  AssignOperator: supportWork,
  TakeIntoWork: supportWork,
  JoinDialog: supportWork,
  LeaveDialog: supportWork,
  TransferToLine: supportWork,
  TransferToOperator: supportWork,
  AddTag: supportWork,
  RemoveTag: supportWork,
  PinDialog: supportWork,
  UnpinDialog: supportWork,
  SetCrmLink: supportWork,
  CloseDialog: supportWork,
  ForceCloseAsSpam: supportWork,
  ReopenDialog: supportWork,
  // Deleting takes a dialog out of every statistic supervisors are judged by, for good: admins
  // only, so nobody clears their own team's figures. Supervisors close as spam instead.
  DeleteDialog: row('none', 'none', 'any', 'none', 'none', 'none'),
  AssignRoutedOperator: systemOnly,
  FinishClosing: systemOnly,
  UnassignRemovedOperator: systemOnly,
  RouteDialog: systemOnly,
  RegisterOperator: administration,
  SuspendOperator: administration,
  ReactivateOperator: administration,
  RemoveOperator: administration,
  CreateLine: administration,
  DeleteLine: administration,
  // Opening hours change what every business-hours metric means: configuration, like the line itself.
  SetLineSchedule: administration,
  ClearLineSchedule: administration,
  CreateSavedReply: ownTools,
  EditSavedReply: ownTools,
  DeleteSavedReply: ownTools,
  // Setting one is work on the dialog; ticking it off is the owner's, judged by the reminder decider.
  SetReminder: row('own', 'any', 'any', 'none', 'none', 'none'),
  CompleteReminder: ownTools,
  CancelReminder: ownTools,
  RecordReminderDue: systemOnly,
  CancelReminderOfClosedDialog: systemOnly,
  // Destroys what no backup of the log can give back, across every team's dialogs: admins only.
  EraseClientData: row('none', 'none', 'any', 'none', 'none', 'none'),
};

const isOwnDialog = (actorId: string, dialog: DialogAccessFacts): boolean =>
  dialog.assigneeId === null || dialog.assigneeId === actorId || dialog.participantIds.includes(actorId);

// `dialog` is null when the dialog is not loaded or does not exist: an "own" check then passes so
// that the decider answers with its precise not_found instead of a vaguer forbidden.
export function authorize(actor: Actor, action: AccessAction, dialog: DialogAccessFacts | null): AccessDecision {
  const scope = accessTable[action][actor.kind];
  switch (scope) {
    case 'any':
      return { allowed: true };
    case 'none':
      return { allowed: false, reason: `${actor.kind} may not ${action}` };
    case 'own':
      return dialog === null || isOwnDialog(actor.id, dialog)
        ? { allowed: true }
        : { allowed: false, reason: `${actor.kind} may ${action} only on own dialogs` };
    default:
      return assertNever(scope);
  }
}

export function assertAuthorized(actor: Actor, action: AccessAction, dialog: DialogAccessFacts | null): void {
  const decision = authorize(actor, action, dialog);
  if (!decision.allowed) {
    throw new DomainError('access_denied', 'forbidden', decision.reason, { action, actorKind: actor.kind });
  }
}
