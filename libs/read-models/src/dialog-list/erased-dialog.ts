import { ERASED } from '@switchboard/event-store';
import type { OpenedDialogSummary } from '../dialog-metrics';

const erased = (text: string | null): string | null => (text === null ? null : ERASED);

/**
 * A dialog's summary once its client is erased: every personal text the summary took from the
 * events reads as a rebuild reads those events (`[erased]`; a null stays null), key for key in
 * the same order, so the stored state is the very text a rebuild writes.
 */
export function erasedSummaryOf(summary: OpenedDialogSummary): OpenedDialogSummary {
  return {
    ...summary,
    client: { ...summary.client, name: erased(summary.client.name) },
    pageUrl: erased(summary.pageUrl),
    crmLink: summary.crmLink === null ? null : { ...summary.crmLink, url: erased(summary.crmLink.url) },
    clientRating: summary.clientRating === null ? null : { ...summary.clientRating, comment: erased(summary.clientRating.comment) },
    review: summary.review === null ? null : { ...summary.review, comment: erased(summary.review.comment) as string },
  };
}
