import { Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore, type LogFilter } from '@switchboard/event-store';
import type { Actor } from '@switchboard/dialogs';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { EdgeRequest } from '../context/edge-request';
import { ProblemDto } from '../errors/problem.dto';
import { QueryController } from '../queries/query-controller.decorator';
import { EVENT_PAGE_LIMITS, EventLogQueryDto } from './dto/event-log-query.dto';
import { readEventLogPage } from './event-log-page';
import { EventLogStreams } from './event-log-streams';
import { LAST_EVENT_ID_HEADER, resumePosition } from './resume-position';

/**
 * The log itself, for downstream services: pages of JSON, or a live stream of server-sent
 * events at the same URL. Operators and supervisors may not read it: it carries every team's
 * conversations, notes included, which the dialog reads filter by who asks.
 */
@QueryController('events', 'events')
export class EventLogController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: EventLogStreams,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The events after a position, in log order; with Accept: text/event-stream, live, resuming from Last-Event-ID' })
  @ApiProduces('application/json', 'text/event-stream')
  @ApiOkResponse({
    description:
      '{ events: [{ id, type, streamId, revision, position, data, metadata, recordedAt }], nextPosition (how far the read looked, past events the filters skipped: the next `from`) }; or server-sent events: id = position, event = type, data = the event, and now and then a frame of an id alone, past events the filters skipped (an EventSource resumes from it)',
  })
  @ApiTooManyRequestsResponse({ type: ProblemDto, description: 'Too many event streams open for this principal' })
  async readEvents(@Query() query: EventLogQueryDto, @Req() request: EdgeRequest, @Res() response: Response, @CurrentActor() actor: Actor): Promise<void> {
    const filter = logFilterOf(query);
    const limit = query.limit ?? EVENT_PAGE_LIMITS.default;
    if (request.accepts(['application/json', 'text/event-stream']) !== 'text/event-stream') {
      const after = query.from === undefined ? undefined : BigInt(query.from);
      response.json(await readEventLogPage(this.store, { after, filter, limit }));
      return;
    }
    const after = resumePosition(request.headers[LAST_EVENT_ID_HEADER.toLowerCase()], query.from);
    // Once the stream has started only a closed connection can say something failed; an
    // unreachable store is better told now, as a 503 the client can act on.
    await this.store.ping();
    this.streams.open(`${actor.kind}:${actor.id}`, response, { after, filter, batchSize: limit });
  }
}

function logFilterOf(query: EventLogQueryDto): LogFilter | undefined {
  return query.types || query.category ? { eventTypes: query.types, categories: query.category } : undefined;
}
