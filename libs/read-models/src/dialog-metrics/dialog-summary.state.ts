import type { ClientRef, CrmLink, DetailedStatus, DialogDirection, GeneralStatus, JournalStatus, PublicAuthorKind } from '@switchboard/dialogs';

export type ClientRating = Readonly<{ rating: number; comment: string | null }>;

export type SupervisorReview = Readonly<{ reviewerId: string; score: number; comment: string }>;

// The dialog-list columns that are not timings. JSON-serialisable like the metrics state; the
// general and journal statuses are stored next to the detailed one because the list filters and
// sorts on them, and they are recomputed on every event, so a stored row never disagrees.
export type OpenedDialogSummary = Readonly<{
  exists: true;
  dialogId: string;
  direction: DialogDirection;
  channel: string;
  lineId: string;
  client: ClientRef;
  pageUrl: string | null;
  formFilled: boolean;
  historyRequested: boolean;
  previousDialogId: string | null;
  detailedStatus: DetailedStatus;
  generalStatus: GeneralStatus;
  journalStatus: JournalStatus;
  isSpam: boolean;
  assigneeId: string | null;
  // Small and ordered by arrival, so plain arrays.
  participants: readonly string[];
  tags: readonly string[];
  pinnedTo: string | null;
  crmLink: CrmLink | null;
  clientRating: ClientRating | null;
  review: SupervisorReview | null;
  lastPublicAuthorKind: PublicAuthorKind | null;
}>;

export type DialogSummaryState = Readonly<{ exists: false }> | OpenedDialogSummary;

export const initialDialogSummary: DialogSummaryState = { exists: false };
