import { dialogDecider } from './dialog.decider';
import {
  closedHistories,
  deciderSpec,
  dialogClosed,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  foldEvents,
  iso,
  serviceActor,
  supervisorActor,
} from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const rate = (rating: number, comment?: string) =>
  dialogCommand('RateDialog', { rating, ...(comment === undefined ? {} : { comment }) }, { actor: serviceActor });
const rated = (rating: number, comment: string | null = null, minute = 10): DialogEvent => ({
  type: 'ClientRatedDialog',
  data: { dialogId, rating, comment, occurredAt: iso(minute) },
});

describe('RateDialog', () => {
  it('records the rating of a dialog waiting for it, which completes the close', () => {
    spec
      .given(closedHistories.closing)
      .when(rate(4, 'quick!'))
      .then([rated(4, 'quick!')]);
    const state = foldEvents(dialogDecider, [...closedHistories.closing, rated(4)]);
    expect(state).toMatchObject({ detailedStatus: 'closed', status: 'closed', hasClientRating: true });
  });

  it('records the rating of a closed dialog', () => {
    spec
      .given(closedHistories.closed)
      .when(rate(5))
      .then([rated(5)]);
  });

  it('refuses a rating of an open dialog', () => {
    spec.given([dialogOpened()]).when(rate(5)).thenFails({ code: 'dialog_not_closed', kind: 'conflict' });
  });

  it('refuses a rating of a spam dialog', () => {
    spec.given(closedHistories.spam).when(rate(5)).thenFails({ code: 'dialog_closed_as_spam', kind: 'conflict' });
  });

  it('refuses a second rating', () => {
    spec
      .given([...closedHistories.closed, rated(5, null, 3)])
      .when(rate(1))
      .thenFails({ code: 'dialog_already_rated', kind: 'conflict' });
  });

  it('refuses a second rating even after a reopen and a new close', () => {
    spec
      .given([
        ...closedHistories.closed,
        rated(5, null, 3),
        { type: 'DialogReopened', data: { dialogId, reopenedBy: 'op-1', occurredAt: iso(4) } },
        dialogClosed(5),
      ])
      .when(rate(1))
      .thenFails({ code: 'dialog_already_rated', kind: 'conflict' });
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses the rating %p', (rating) => {
    spec.given(closedHistories.closed).when(rate(rating)).thenFails({ code: 'invalid_rating', kind: 'invalid' });
  });
});

describe('ReviewDialog', () => {
  const review = (score: number) => dialogCommand('ReviewDialog', { score, comment: 'polite, but slow' }, { actor: supervisorActor });

  it('records the supervisor review', () => {
    spec
      .given(closedHistories.closed)
      .when(review(3))
      .then([
        {
          type: 'DialogReviewed',
          data: { dialogId, reviewerId: 'sup-1', score: 3, comment: 'polite, but slow', occurredAt: iso(10) },
        },
      ]);
  });

  it.each([0, 6, 4.5])('refuses the score %p', (score) => {
    spec.given(closedHistories.closed).when(review(score)).thenFails({ code: 'invalid_review_score', kind: 'invalid' });
  });
});
