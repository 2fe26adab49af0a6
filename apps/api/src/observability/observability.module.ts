import { Module } from '@nestjs/common';
import { CommandMetrics } from './command-metrics';
import { MetricsController } from './metrics.controller';
import { ProjectionMetrics } from './projection-metrics';
import { QueriesHttpModule } from '../queries/queries-http.module';

/**
 * `GET /metrics` and the series only the API records (commands, projection lag). The registry
 * itself, the process metrics and the event store's append timings come with the platform, so
 * the projector has them too; HTTP requests are observed by a middleware (configure-http.ts).
 */
@Module({
  imports: [QueriesHttpModule],
  controllers: [MetricsController],
  providers: [CommandMetrics, ProjectionMetrics],
})
export class ObservabilityModule {}
