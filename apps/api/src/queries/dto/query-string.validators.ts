import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, Matches, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { PAGE_LIMITS } from '@switchboard/read-models/queries';
import { isInstantText } from '@switchboard/platform';
import { ENTITY_ID_PATTERN, ENTITY_ID_REASON } from '../../validation/limits';

// Query strings arrive as text; each of these turns one kind of value into what the validators
// check, and leaves anything it does not recognise as it is, for the validators to refuse.

/** `a,b` (or the parameter repeated) as a list; an empty item stays and fails the item rule. */
export const CommaList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) => (typeof part === 'string' ? part.split(',') : [part]));
    return value === undefined ? undefined : parts;
  });

export const BooleanText = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * `limit`: a whole number within the page limits, turned into a number. One rule with one
 * reason, so "ten" is not also told it is too small and too large.
 */
export function IsPageLimit(limits: { readonly min: number; readonly max: number } = PAGE_LIMITS): PropertyDecorator {
  const { min, max } = limits;
  const toNumber = Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value));
  const validate = (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPageLimit',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a whole number from ${min} to ${max}` },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max },
    });
  return applyDecorators(toNumber, validate);
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 8601 date-time with an offset (2024-03-01T09:00:00Z) or a date (2024-03-01)', ...options },
      validator: { validate: isInstantText },
    });
}

/** The end of a range may not come before its start; checked only when both are valid instants. */
export function NotBefore(startProperty: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [startProperty],
      options: { message: `$property must not be before ${startProperty}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const start: unknown = (args.object as Record<string, unknown>)[startProperty];
          if (!isInstantText(value) || !isInstantText(start)) return true;
          return Date.parse(value) >= Date.parse(start);
        },
      },
    });
}

/** Decimal text of a log position, 0 to 2^63 - 1: what commands answer as `position`. */
export const isLogPositionText = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n;

export const LOG_POSITION_REASON = 'must be a log position: decimal digits, as a command answered it';

export function IsLogPosition(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLogPosition',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property ${LOG_POSITION_REASON}` },
      validator: { validate: isLogPositionText },
    });
}

/** A cursor this endpoint made; `decode` answers undefined for anything else. */
export function IsCursor(decode: (raw: string, dto: object) => boolean, reason: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCursor',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property ${reason}` },
      validator: { validate: (value: unknown, args: ValidationArguments) => typeof value === 'string' && decode(value, args.object) },
    });
}

export const MAX_LIST_VALUES = 50;

/** `a,b`: a list of operator, line or channel ids. */
export function IsEntityIdList(): PropertyDecorator {
  return applyDecorators(
    CommaList(),
    ArrayMaxSize(MAX_LIST_VALUES),
    Matches(ENTITY_ID_PATTERN, { each: true, message: (args) => `each ${args.property} ${ENTITY_ID_REASON}` }),
  );
}
