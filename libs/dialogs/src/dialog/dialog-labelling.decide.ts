import { occurredAtOf } from '../shared/occurred-at';
import { isBlank, requireNonBlank } from '../shared/validation';
import type { AddTag, PinDialog, RemoveTag, SetCrmLink, UnpinDialog } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent } from './dialog.events';
import type { ExistingDialogState } from './dialog.state';
import type { CrmLink } from './dialog.values';

// Labels (tags, pin, CRM link) stay editable on closed dialogs: they classify history, which is
// often done after the conversation ended.

const normalisedTag = (tag: string): string => {
  if (isBlank(tag)) throw dialogErrors.invalidTag();
  return tag.trim();
};

export function addTag(command: AddTag, dialog: ExistingDialogState): DialogEvent[] {
  const tag = normalisedTag(command.data.tag);
  if (dialog.tags.includes(tag)) return [];
  return [{ type: 'TagAdded', data: { dialogId: dialog.dialogId, tag, occurredAt: occurredAtOf(command) } }];
}

export function removeTag(command: RemoveTag, dialog: ExistingDialogState): DialogEvent[] {
  const tag = normalisedTag(command.data.tag);
  if (!dialog.tags.includes(tag)) return [];
  return [{ type: 'TagRemoved', data: { dialogId: dialog.dialogId, tag, occurredAt: occurredAtOf(command) } }];
}

export function pinDialog(command: PinDialog, dialog: ExistingDialogState): DialogEvent[] {
  const { operatorId } = command.data;
  requireNonBlank({ operatorId });
  if (dialog.pinnedTo === operatorId) return [];
  const occurredAt = occurredAtOf(command);
  return [{ type: 'DialogPinned', data: { dialogId: dialog.dialogId, operatorId, occurredAt } }];
}

export function unpinDialog(command: UnpinDialog, dialog: ExistingDialogState): DialogEvent[] {
  if (dialog.pinnedTo === null) return [];
  return [
    {
      type: 'DialogUnpinned',
      data: { dialogId: dialog.dialogId, operatorId: dialog.pinnedTo, occurredAt: occurredAtOf(command) },
    },
  ];
}

export function setCrmLink(command: SetCrmLink, dialog: ExistingDialogState): DialogEvent[] {
  const input = command.data.crmLink;
  requireNonBlank({ 'crmLink.id': input.id });
  const crmLink: CrmLink = { kind: input.kind, id: input.id, url: input.url ?? null };
  if (sameCrmLink(dialog.crmLink, crmLink)) return [];
  return [{ type: 'CrmLinkSet', data: { dialogId: dialog.dialogId, crmLink, occurredAt: occurredAtOf(command) } }];
}

const sameCrmLink = (current: CrmLink | null, next: CrmLink): boolean =>
  current !== null && current.kind === next.kind && current.id === next.id && current.url === next.url;
