import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsTimeZone, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MAX_HOLIDAYS, MAX_SPANS_PER_DAY } from '@switchboard/dialogs';

// Shape only; the domain checks what needs the whole schedule (order, overlaps, real dates).
const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class OpeningSpanDto {
  @ApiProperty({ example: '09:00', description: 'local time HH:MM, inclusive' })
  @Matches(START_PATTERN, { message: '$property must be a local time HH:MM (00:00-23:59)' })
  from!: string;

  @ApiProperty({ example: '17:00', description: 'local time HH:MM, exclusive; 24:00 is the end of the day' })
  @Matches(END_PATTERN, { message: '$property must be a local time HH:MM (00:01-24:00)' })
  to!: string;
}

/** One day's spans: optional, at most MAX_SPANS_PER_DAY, each checked as an OpeningSpanDto. */
function OpeningSpans(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [OpeningSpanDto], description: `at most ${MAX_SPANS_PER_DAY} spans; left out = closed` }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_SPANS_PER_DAY),
    ValidateNested({ each: true }),
    Type(() => OpeningSpanDto),
  );
}

/** A day left out is closed; overnight hours are the end of one day and the start of the next. */
export class WeeklyHoursDto {
  @OpeningSpans() mon?: OpeningSpanDto[];
  @OpeningSpans() tue?: OpeningSpanDto[];
  @OpeningSpans() wed?: OpeningSpanDto[];
  @OpeningSpans() thu?: OpeningSpanDto[];
  @OpeningSpans() fri?: OpeningSpanDto[];
  @OpeningSpans() sat?: OpeningSpanDto[];
  @OpeningSpans() sun?: OpeningSpanDto[];
}

export class SetLineScheduleDto {
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone the hours and holidays are local to' })
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  timeZone!: string;

  @ApiProperty({ type: WeeklyHoursDto, example: { mon: [{ from: '09:00', to: '17:00' }], sat: [{ from: '10:00', to: '14:00' }] } })
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklyHoursDto)
  weekly!: WeeklyHoursDto;

  @ApiPropertyOptional({ type: [String], example: ['2024-12-25'], description: `local dates closed all day, at most ${MAX_HOLIDAYS}` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_HOLIDAYS)
  @Matches(DATE_PATTERN, { each: true, message: 'each value in $property must be a date YYYY-MM-DD' })
  holidays?: string[];
}
