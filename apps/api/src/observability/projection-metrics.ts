import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { METRICS_REGISTRY, type MetricsRegistry } from '@switchboard/platform';
import { ProjectionStatusHandler, type ProjectionStatusView } from '@switchboard/read-models/queries';
import { Gauge } from 'prom-client';

/**
 * Each projection's position and lag, read from `projections.checkpoints` when Prometheus
 * scrapes, exactly as `GET /projections` shows them. Read from the database rather than kept by
 * the runners, so that any API process answers for every projector, and a projector that has
 * died shows as a lag that grows instead of as silence.
 */
@Injectable()
export class ProjectionMetrics implements OnModuleInit {
  private readonly logger = new Logger('Metrics');
  private reading?: Promise<readonly ProjectionStatusView[] | undefined>;

  constructor(
    private readonly status: ProjectionStatusHandler,
    @Inject(METRICS_REGISTRY) private readonly registry: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    this.gauge('switchboard_projection_position', 'Last log position the projection applied (0 before the first)', (s) => Number(s.position ?? 0));
    this.gauge('switchboard_projection_lag_events', 'Events in the log the projection has not applied yet (capped at 100000)', (s) => s.lag.events);
    this.gauge(
      'switchboard_projection_lag_seconds',
      'Age of the oldest event the projection has not applied yet; 0 when it is caught up',
      (s) => (s.lag.oldestEventAgeMs ?? 0) / 1000,
    );
    this.gauge('switchboard_projection_failed', '1 while the projection is stopped on a failed event, else 0', (s) => (s.status === 'failed' ? 1 : 0));
    this.gauge('switchboard_projection_generation', 'Generation number of the read model (live, or being built)', (s) => s.generation?.number);
  }

  private gauge(name: string, help: string, value: (status: ProjectionStatusView) => number | undefined): void {
    const read = () => this.statuses();
    new Gauge({
      name,
      help,
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const status of (await read()) ?? []) {
          const v = value(status);
          if (v !== undefined) this.set({ projection: status.name }, v);
        }
      },
    });
  }

  /**
   * One reading for all gauges of a scrape: the registry starts collecting every metric in the
   * same tick, so they all find the reading in flight. None (the series vanish) while the
   * database is down.
   */
  private statuses(): Promise<readonly ProjectionStatusView[] | undefined> {
    this.reading ??= this.status
      .execute()
      .catch((error: unknown) => {
        this.logger.warn(`projection metrics unavailable: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}
