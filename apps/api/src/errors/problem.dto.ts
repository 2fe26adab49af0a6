import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'attachments.0.sizeBytes' }) field!: string;
  @ApiProperty({ example: 'sizeBytes must not be greater than 2097152' }) reason!: string;
}

/** The OpenAPI shape of every error answer (application/problem+json). */
export class ProblemDto {
  @ApiProperty({ example: 'urn:switchboard:problem:validation_failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid request: check attachments.0.sizeBytes' }) detail!: string;
  @ApiProperty({ example: 'validation_failed', description: 'Stable; branch on this, not on the texts' }) code!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
}
