import { DomainError } from './domain-error';

export const commonErrors = {
  invalidOccurredAt: () => new DomainError('invalid_occurred_at', 'invalid', 'The command carries no valid occurredAt time'),
  requiredField: (field: string) => new DomainError('required_field_missing', 'invalid', `${field} must not be empty`, { field }),
};
