import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { ReadModelName } from '@switchboard/read-models/queries';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { READS_FROM, STALE_HEADER } from './read-your-writes.metadata';

/**
 * Marks a read with the read models it reads, so that `?minPosition=` waits for exactly those.
 * The query DTO must accept `minPosition` (extend FreshReadQueryDto).
 */
export const ReadsFrom = (...readModels: readonly ReadModelName[]) =>
  applyDecorators(
    SetMetadata(READS_FROM, readModels),
    UseInterceptors(ReadYourWritesInterceptor),
    ApiResponse({
      status: 200,
      headers: { [STALE_HEADER]: { description: 'true when minPosition was given and the read models did not reach it in time', schema: { type: 'string' } } },
    }),
  );
