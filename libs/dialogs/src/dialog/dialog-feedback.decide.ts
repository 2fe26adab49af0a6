import { occurredAtOf } from '../shared/occurred-at';
import { isFivePointScore } from '../shared/validation';
import type { RateDialog, ReviewDialog } from './dialog.commands';
import { dialogErrors } from './dialog.errors';
import type { DialogEvent } from './dialog.events';
import type { ExistingDialogState } from './dialog.state';

// The client rates the outcome of a finished conversation, once, even across reopens.
export function rateDialog(command: RateDialog, dialog: ExistingDialogState): DialogEvent[] {
  const { rating, comment } = command.data;
  if (!isFivePointScore(rating)) throw dialogErrors.invalidRating(rating);
  if (dialog.detailedStatus === 'spam') throw dialogErrors.closedAsSpam(dialog.dialogId);
  if (dialog.detailedStatus !== 'closing' && dialog.detailedStatus !== 'closed') {
    throw dialogErrors.notClosed(dialog.dialogId);
  }
  if (dialog.hasClientRating) throw dialogErrors.alreadyRated(dialog.dialogId);
  return [
    {
      type: 'ClientRatedDialog',
      data: { dialogId: dialog.dialogId, rating, comment: comment ?? null, occurredAt: occurredAtOf(command) },
    },
  ];
}

// A supervisor may review at any time and revise the review later; the latest one counts.
export function reviewDialog(command: ReviewDialog, dialog: ExistingDialogState): DialogEvent[] {
  const { score, comment } = command.data;
  if (!isFivePointScore(score)) throw dialogErrors.invalidReviewScore(score);
  return [
    {
      type: 'DialogReviewed',
      data: {
        dialogId: dialog.dialogId,
        reviewerId: command.metadata.actor.id,
        score,
        comment,
        occurredAt: occurredAtOf(command),
      },
    },
  ];
}
