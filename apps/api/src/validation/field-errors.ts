import type { ValidationError } from 'class-validator';
import type { FieldError } from '../errors/problem';

/**
 * Rules that say what kind of value a field takes. When one fails, the field's other rules
 * (a range, a length, a pattern) fail too and would only mislead: `"five"` is not an integer,
 * not "greater than 5".
 */
const kindRules = ['whitelistValidation', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'isIn', 'isEnum'];

/**
 * The one reason a field gives: the rule that failed first. A required field that is missing is
 * said to be missing; then the rule on the kind of value; then the rule written first in the
 * DTO (class-validator lists constraints in the reverse of the order they are written).
 */
function reasonOf(error: ValidationError, field: string): string | undefined {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.length === 0) return undefined;
  // Optional fields skip their rules when absent, so an absent field with a failed rule is required.
  if (error.value === undefined && !names.includes('whitelistValidation')) return `${field} is required`;
  const speaking = kindRules.find((name) => name in constraints) ?? names[names.length - 1];
  return constraints[speaking];
}

/**
 * class-validator's error tree as a flat list: one entry per invalid field, the field as a dotted
 * path (`attachments.0.sizeBytes`). A whole body that is not an object is reported as `body`.
 * Needs the pipe's `validationError.value` so that a missing field can be told from a wrong one.
 */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const property = error.property === undefined || error.property === '' ? '' : String(error.property);
    const field = [parentPath, property].filter((part) => part !== '').join('.') || 'body';
    const reason = reasonOf(error, property || field);
    const own = reason === undefined ? [] : [{ field, reason }];
    return [...own, ...fieldErrorsOf(error.children ?? [], field === 'body' ? '' : field)];
  });
}
