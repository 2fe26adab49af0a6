import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/**
 * The field may be given only when `condition` holds for the whole body (an either-or pair, a
 * field that belongs to one variant). Absent always passes; requiring it is another rule's job.
 */
export function AllowedOnlyWhen<T extends object>(condition: (body: T) => boolean, reason: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'allowedOnlyWhen',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: reason, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value === undefined || condition(args.object as T),
      },
    });
  };
}
