import type { AssignmentCreditState } from './assignment-credit.state';

/** How often a dialog changed hands and came back: counts of its history, for the list. */
export type DialogCounts = Readonly<{
  reassignmentCount: number;
  reopenCount: number;
}>;

export const countsOf = (credit: AssignmentCreditState): DialogCounts => ({
  reassignmentCount: credit.reassignmentCount,
  reopenCount: credit.reopenCount,
});
