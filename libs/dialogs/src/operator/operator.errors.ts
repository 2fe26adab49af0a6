import { DomainError } from '../shared/domain-error';

export const operatorErrors = {
  notFound: (operatorId: string) => new DomainError('operator_not_found', 'not_found', `Operator ${operatorId} does not exist`, { operatorId }),
  alreadyExists: (operatorId: string) =>
    new DomainError('operator_already_exists', 'conflict', `Operator ${operatorId} is already registered`, {
      operatorId,
    }),
  removed: (operatorId: string) =>
    new DomainError('operator_removed', 'conflict', `Operator ${operatorId} was removed; removal is final`, {
      operatorId,
    }),
  notActive: (operatorId: string) => new DomainError('operator_not_active', 'conflict', `Operator ${operatorId} is not active`, { operatorId }),
  notSuspended: (operatorId: string) =>
    new DomainError('operator_not_suspended', 'conflict', `Operator ${operatorId} is not suspended`, {
      operatorId,
    }),
};
