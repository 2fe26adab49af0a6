import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/problem';

/**
 * class-validator's error tree as a flat list: one entry per broken rule, the field as a dotted
 * path (`attachments.0.sizeBytes`). A whole body that is not an object is reported as `body`.
 */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const property = error.property === undefined || error.property === '' ? '' : String(error.property);
    const field = [parentPath, property].filter((part) => part !== '').join('.') || 'body';
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field === 'body' ? '' : field)];
  });
}
