import { Module } from '@nestjs/common';
import { EventStoreModule } from '@switchboard/event-store';

/** The worker that follows the log and writes the read models. */
@Module({ imports: [EventStoreModule] })
export class ProjectorModule {}
