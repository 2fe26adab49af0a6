import { assertNever } from '../shared/assert-never';
import { occurredAtOf } from '../shared/occurred-at';
import { isBlank } from '../shared/validation';
import type { AddNote, AttachmentInput, DialogCommand, SendMessage } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent, MessageSent } from './dialog.events';
import { requireUsable } from '../saved-reply/saved-reply-use.policy';
import { operatorStatusIn, savedReplyIn, type DialogFacts } from './dialog.facts';
import { operatorAssigned } from './dialog-event.factories';
import { requireAvailableOperator, requireOpen } from './dialog.guards';
import type { ExistingDialogState } from './dialog.state';
import type { Attachment, MessageAuthor } from './dialog.values';

// Channels redeliver; a post whose id is already recorded is the same post, not a new one.
export function isRepeatedPost(command: DialogCommand, dialog: ExistingDialogState): boolean {
  if (command.type === 'SendMessage') return dialog.messageIds.has(command.data.messageId);
  if (command.type === 'AddNote') return dialog.noteIds.has(command.data.noteId);
  return false;
}

export function sendMessage(command: SendMessage, dialog: ExistingDialogState, facts: DialogFacts): DialogEvent[] {
  const attachments = validAttachments(command.data.attachments ?? []);
  if (isBlank(command.data.text) && attachments.length === 0) throw dialogErrors.emptyMessage();
  const { savedReplyId } = command.data;
  if (savedReplyId !== undefined) {
    if (command.data.author.kind !== 'operator') throw dialogErrors.savedReplyOnlyForOperators();
    requireUsable(command.metadata.actor, savedReplyId, savedReplyIn(facts, savedReplyId));
  }
  // Clients and bots are refused as well as operators: a client's late message belongs in a
  // follow-up dialog (see followUpDialogFor), and a bot has nobody left to talk to.
  requireOpen(dialog);
  const author = command.data.author;
  switch (author.kind) {
    case 'client':
      return [messageSent(command, dialog, { kind: 'client', id: dialog.clientId }, attachments)];
    case 'bot':
      return [messageSent(command, dialog, { kind: 'bot', id: author.botId }, attachments)];
    case 'operator': {
      const { actor } = command.metadata;
      const message = [messageSent(command, dialog, { kind: 'operator', id: actor.id }, attachments), ...savedReplyUseOf(command, dialog)];
      const status = operatorStatusIn(facts, actor.id);
      // Supervisors and admins answer without an operator registration; only registered, active
      // operators are ever assignees, so such a reply joins the dialog instead of claiming it.
      if (status === 'unknown' && actor.kind !== 'operator') {
        return [...participationOf(dialog, actor.id, occurredAtOf(command)), ...message];
      }
      requireAvailableOperator(actor.id, status);
      return [...involvementOfReplier(dialog, actor.id, occurredAtOf(command)), ...message];
    }
    default:
      return assertNever(author);
  }
}

// The first reply to an unassigned dialog claims it. A later racer's reply is still recorded and
// makes them a participant, so both messages survive while exactly one operator is assigned.
function involvementOfReplier(dialog: ExistingDialogState, operatorId: string, occurredAt: string): DialogEvent[] {
  if (dialog.assigneeId === null) return [operatorAssigned(dialog, operatorId, 'first_reply', occurredAt)];
  return participationOf(dialog, operatorId, occurredAt);
}

function participationOf(dialog: ExistingDialogState, operatorId: string, occurredAt: string): DialogEvent[] {
  if (dialog.assigneeId === operatorId || dialog.participants.includes(operatorId)) return [];
  return [{ type: 'ParticipantJoined', data: { dialogId: dialog.dialogId, operatorId, reason: 'replied', occurredAt } }];
}

function validAttachments(inputs: readonly AttachmentInput[]): Attachment[] {
  return inputs.map((input, index) => {
    if (isBlank(input.name) || !Number.isInteger(input.sizeBytes) || input.sizeBytes < 0) {
      throw dialogErrors.invalidAttachment(index);
    }
    return { name: input.name, contentType: input.contentType, sizeBytes: input.sizeBytes, url: input.url ?? null };
  });
}

const messageSent = (command: SendMessage, dialog: ExistingDialogState, author: MessageAuthor, attachments: readonly Attachment[]): MessageSent => ({
  type: 'MessageSent',
  data: {
    dialogId: dialog.dialogId,
    messageId: command.data.messageId,
    author,
    text: command.data.text,
    attachments,
    occurredAt: occurredAtOf(command),
  },
});

const savedReplyUseOf = (command: SendMessage, dialog: ExistingDialogState): DialogEvent[] => {
  const { savedReplyId, messageId } = command.data;
  if (savedReplyId === undefined) return [];
  const data = { dialogId: dialog.dialogId, messageId, savedReplyId, operatorId: command.metadata.actor.id, lineId: dialog.lineId };
  return [{ type: 'SavedReplyUsed', data: { ...data, occurredAt: occurredAtOf(command) } }];
};

// Notes stay allowed on closed dialogs: operators document what happened after the fact, and a
// note never reaches the client.
export function addNote(command: AddNote, dialog: ExistingDialogState): DialogEvent[] {
  if (isBlank(command.data.text)) throw dialogErrors.emptyNote();
  return [
    {
      type: 'NoteAdded',
      data: {
        dialogId: dialog.dialogId,
        noteId: command.data.noteId,
        operatorId: command.metadata.actor.id,
        text: command.data.text,
        occurredAt: occurredAtOf(command),
      },
    },
  ];
}
