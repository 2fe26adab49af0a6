import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_COMMENT_LENGTH } from '../../validation/limits';

export class ReviewDialogDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiProperty({ maxLength: MAX_COMMENT_LENGTH })
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment!: string;
}
