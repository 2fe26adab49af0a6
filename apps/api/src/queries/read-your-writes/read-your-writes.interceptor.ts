import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { problems } from '../../errors/problems';
import { isLogPositionText, LOG_POSITION_REASON } from '../dto/query-string.validators';
import { ReadModelFreshness, readModelSources, type ReadModelName } from '@switchboard/read-models/queries';
import { READS_FROM, STALE_HEADER } from './read-your-writes.metadata';

/**
 * Read your writes, for every read at once: with `?minPosition=` the request waits until the
 * read models the route reads have applied the log up to that position (ReadModelFreshness
 * says how that is judged), at most the configured timeout. A read that times out is answered
 * anyway, as it stands, with X-Read-Model-Stale: true: a slightly old screen beats an error.
 *
 * Interceptors run before the validation pipe, so minPosition is checked here too; a request
 * whose other parameters are wrong may therefore wait before its 400.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly freshness: ReadModelFreshness,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const raw: unknown = http.getRequest<Request>().query.minPosition;
    if (raw === undefined) return next.handle();
    if (!isLogPositionText(raw)) throw problems.invalidField('minPosition', `minPosition ${LOG_POSITION_REASON}`);
    const names = this.reflector.get<readonly ReadModelName[] | undefined>(READS_FROM, context.getHandler()) ?? [];
    const sources = names.map((name) => readModelSources[name]);
    return from(this.freshness.waitFor(BigInt(raw), sources)).pipe(
      switchMap((fresh) => {
        if (!fresh) http.getResponse<Response>().setHeader(STALE_HEADER, 'true');
        return next.handle();
      }),
    );
  }
}
