import type { DialogAccessFacts } from '../shared/access.policy';
import type { ExistingDialogState } from './dialog.state';

export const dialogAccessFactsOf = (dialog: ExistingDialogState): DialogAccessFacts => ({
  assigneeId: dialog.assigneeId,
  participantIds: dialog.participants,
});
