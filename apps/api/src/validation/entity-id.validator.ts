import { Matches, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { ENTITY_ID_PATTERN, ENTITY_ID_REASON } from './limits';

/** An operator, line or bot id; `missing` is the reason given when the value is absent. */
export function IsEntityId(missing?: string, options?: ValidationOptions): PropertyDecorator {
  return Matches(ENTITY_ID_PATTERN, {
    ...options,
    message: (args: ValidationArguments) => (args.value === undefined && missing !== undefined ? missing : `${args.property} ${ENTITY_ID_REASON}`),
  });
}
