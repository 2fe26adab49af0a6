import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional, registerDecorator, type ValidationArguments } from 'class-validator';
import { eventCategories, eventTypes } from '@switchboard/dialogs';
import { CommaList, IsLogPosition, IsPageLimit } from '../../queries/dto/query-string.validators';

export const EVENT_PAGE_LIMITS = { min: 1, max: 1000, default: 100 } as const;

/** Names the unknown types themselves, so a client sees its typo at once among the list. */
function IsKnownEventTypes(): PropertyDecorator {
  const known = new Set<string>(eventTypes);
  const unknownOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]).filter((type) => typeof type !== 'string' || !known.has(type));
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKnownEventTypes',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: (args: ValidationArguments) =>
          `unknown event types: ${unknownOf(args.value).map(String).join(', ')}; the catalogue has ${eventTypes.join(', ')}`,
      },
      validator: { validate: (value: unknown) => unknownOf(value).length === 0 },
    });
}

/** GET /events: where to start, which events, how many at a time. */
export class EventLogQueryDto {
  @ApiPropertyOptional({
    example: '4398046511104',
    description: "Exclusive: answer the events after this position (nextPosition of the previous page, or a command's position). Absent: from the start",
  })
  @IsOptional()
  @IsLogPosition()
  from?: string;

  @ApiPropertyOptional({ type: String, description: 'Event types, comma-separated, from the event catalogue: any of them matches' })
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(eventTypes.length)
  @IsKnownEventTypes()
  types?: string[];

  @ApiPropertyOptional({ type: String, description: `Stream categories, comma-separated: ${eventCategories.join(', ')}` })
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(eventCategories.length)
  @IsIn(eventCategories, { each: true, message: `each category must be one of ${eventCategories.join(', ')}` })
  category?: string[];

  @ApiPropertyOptional({
    minimum: EVENT_PAGE_LIMITS.min,
    maximum: EVENT_PAGE_LIMITS.max,
    default: EVENT_PAGE_LIMITS.default,
    description: 'Events per page; for a stream, events read from the log at a time',
  })
  @IsOptional()
  @IsPageLimit(EVENT_PAGE_LIMITS)
  limit?: number;
}
