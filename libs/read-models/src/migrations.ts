import { CreateAssignmentAudit1763700300400 } from './assignment-audit/1763700300400-create-assignment-audit';
import { CreateDialogList1763700300100 } from './dialog-list/1763700300100-create-dialog-list';
import { IndexDialogListSorts1763700300600 } from './dialog-list/1763700300600-index-dialog-list-sorts';
import { CreateDialogMessages1763700300200 } from './dialog-messages/1763700300200-create-dialog-messages';
import { CreateResponseIntervals1763700300500 } from './response-intervals/1763700300500-create-response-intervals';
import { CreateReadModelsSchema1763700300000 } from './shared/1763700300000-create-read-models-schema';
import { CreateStatusHistory1763700300300 } from './status-history/1763700300300-create-status-history';

/** In the order they run; after the event store's, the checkpoints' and the write side's. */
export const readModelMigrations = [
  CreateReadModelsSchema1763700300000,
  CreateDialogList1763700300100,
  CreateDialogMessages1763700300200,
  CreateStatusHistory1763700300300,
  CreateAssignmentAudit1763700300400,
  CreateResponseIntervals1763700300500,
  IndexDialogListSorts1763700300600,
];
