import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, mayScrapeMetrics, METRICS_REGISTRY, type AppConfig, type MetricsRegistry } from '@switchboard/platform';
import { createServer, type Server } from 'node:http';
import { Registry } from 'prom-client';

/**
 * The projector has no HTTP API; with METRICS_PORT set it answers `GET /metrics` on that port
 * (its process metrics and the appends of its reactions). Projection lag is exported by the API
 * processes, which read it from the checkpoints whether this process is alive or not.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(METRICS_REGISTRY) private readonly registry: MetricsRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, token } = this.config.metrics;
    if (port === undefined) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
      } else if (!mayScrapeMetrics(request.headers.authorization, token)) {
        response.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
      } else {
        this.registry.metrics().then(
          (text) => response.writeHead(200, { 'Content-Type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
          () => response.writeHead(500).end(),
        );
      }
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
    this.logger.log(`metrics on http://localhost:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
