import { DomainError } from '../shared/domain-error';

export const lineErrors = {
  notFound: (lineId: string) => new DomainError('line_not_found', 'not_found', `Line ${lineId} does not exist`, { lineId }),
  alreadyExists: (lineId: string) => new DomainError('line_already_exists', 'conflict', `Line ${lineId} already exists`, { lineId }),
  deleted: (lineId: string) => new DomainError('line_deleted', 'conflict', `Line ${lineId} was deleted`, { lineId }),
  manualRouting: (lineId: string) => new DomainError('line_routing_manual', 'conflict', `Line ${lineId} routes dialogs manually`, { lineId }),
};
