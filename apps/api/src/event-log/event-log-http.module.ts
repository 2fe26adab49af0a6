import { Module } from '@nestjs/common';
import { EventStoreModule } from '@switchboard/event-store';
import { EVENT_LOG_STREAM_CONFIG, eventLogStreamConfigFrom } from './event-log.config';
import { EventLogController } from './event-log.controller';
import { EventLogStreams } from './event-log-streams';

/** `GET /events`: the log over HTTP for downstream services, as pages or as a live stream. */
@Module({
  imports: [EventStoreModule],
  controllers: [EventLogController],
  providers: [{ provide: EVENT_LOG_STREAM_CONFIG, useFactory: () => eventLogStreamConfigFrom(process.env) }, EventLogStreams],
})
export class EventLogHttpModule {}
