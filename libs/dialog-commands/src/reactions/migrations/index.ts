import { CreateOpenAssignments1763700200000 } from './1763700200000-create-open-assignments';
import { TrackClosingDialogs1763700200100 } from './1763700200100-track-closing-dialogs';
import { CreateIdempotencyLedger1763700200200 } from './1763700200200-create-idempotency-ledger';
import { TrackOpenReminders1763701000100 } from './1763701000100-track-open-reminders';

export const writeSideMigrations = [
  CreateOpenAssignments1763700200000,
  TrackClosingDialogs1763700200100,
  CreateIdempotencyLedger1763700200200,
  TrackOpenReminders1763701000100,
];
