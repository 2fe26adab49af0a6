import type { DetailedStatus, DialogLifecycle } from './dialog.status';
import type { CrmLink, PublicAuthorKind } from './dialog.values';

// Only what decisions need; everything a screen shows lives in the read models.
export type ExistingDialogState = Readonly<{
  exists: true;
  dialogId: string;
  status: DialogLifecycle;
  detailedStatus: DetailedStatus;
  isSpam: boolean;
  lineId: string;
  channel: string;
  clientId: string;
  // Carried into a follow-up dialog, so the client keeps their name when they write again.
  clientName: string | null;
  assigneeId: string | null;
  // Small and ordered, so plain arrays; message and note ids grow with the dialog, so sets.
  participants: readonly string[];
  tags: readonly string[];
  pinnedTo: string | null;
  crmLink: CrmLink | null;
  hasClientRating: boolean;
  lastPublicAuthorKind: PublicAuthorKind | null;
  lastOccurredAt: Date;
  messageIds: ReadonlySet<string>;
  noteIds: ReadonlySet<string>;
  // Deleted by an admin: the stream stays, every command but a client's message is refused.
  deleted: boolean;
}>;

export type DialogState = Readonly<{ exists: false }> | ExistingDialogState;

export const initialDialogState: DialogState = { exists: false };
