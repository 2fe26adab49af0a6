import { Module } from '@nestjs/common';
import { EventStoreModule } from '@switchboard/event-store';
import { HealthController } from './health/health.controller';

/** The HTTP API: controllers and edge concerns only; business rules live in the libraries. */
@Module({
  imports: [EventStoreModule],
  controllers: [HealthController],
})
export class ApiModule {}
