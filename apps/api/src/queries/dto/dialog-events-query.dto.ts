import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateBy } from 'class-validator';
import { LimitQueryDto } from './page-query.dto';
import { BooleanText, isLogPositionText } from './query-string.validators';

/** A page of a dialog's raw events, by stream revision; optionally with the chain's verdict. */
export class DialogEventsQueryDto extends LimitQueryDto {
  @ApiPropertyOptional({ example: '0', default: '0', description: 'The first stream revision to return (nextFromRevision of the previous page)' })
  @IsOptional()
  // A revision has the range of a log position: decimal text within a signed 64-bit integer.
  @ValidateBy({
    name: 'isStreamRevision',
    validator: { validate: isLogPositionText, defaultMessage: () => 'fromRevision must be a stream revision: decimal digits, 0 to 2^63-1' },
  })
  fromRevision?: string;

  @ApiPropertyOptional({ type: Boolean, description: "Also verify the dialog's whole hash chain and answer `chain`" })
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'verify must be true or false' })
  verify?: boolean;
}

/** The validated `fromRevision`, from the start when absent. */
export const revisionOf = (text: string | undefined): bigint => (text === undefined ? 0n : BigInt(text));
