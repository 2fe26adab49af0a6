import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore, type SubscribeOptions } from '@switchboard/event-store';
import { ProblemError } from '../errors/problem';
import { EVENT_LOG_STREAM_CONFIG, type EventLogStreamConfig } from './event-log.config';
import { EventLogStream } from './event-log-stream';

/**
 * The live streams this process serves: at most so many per principal, and all of them ended
 * when the application stops, before the event store closes under their subscriptions (an
 * open stream would also keep the HTTP server from closing).
 */
@Injectable()
export class EventLogStreams implements OnModuleDestroy {
  private readonly logger = new Logger('EventLogStreams');
  private readonly streams = new Set<EventLogStream>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_LOG_STREAM_CONFIG) private readonly config: EventLogStreamConfig,
  ) {}

  /** Throws a problem, before anything is written, when the principal has too many open. */
  open(principal: string, response: Response, options: SubscribeOptions): EventLogStream {
    if (this.openOf(principal).length >= this.config.maxStreamsPerPrincipal) {
      throw new ProblemError(
        429,
        'too_many_streams',
        `At most ${this.config.maxStreamsPerPrincipal} event streams may be open at once for one principal; close one first`,
        {
          headers: { 'Retry-After': String(Math.max(1, Math.ceil(this.config.retryMs / 1000))) },
        },
      );
    }
    const stream = new EventLogStream(principal, response, this.config);
    this.streams.add(stream);
    void stream.closed.then(() => this.streams.delete(stream));
    stream.start(this.store, options, (error) => this.logger.warn(`event stream of ${principal} ended: ${String(error)}`));
    return stream;
  }

  openOf(principal?: string): readonly EventLogStream[] {
    return [...this.streams].filter((stream) => principal === undefined || stream.principal === principal);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.streams].map((stream) => stream.end(true)));
  }
}
