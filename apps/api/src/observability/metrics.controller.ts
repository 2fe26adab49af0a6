import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, mayScrapeMetrics, METRICS_REGISTRY, type AppConfig, type MetricsRegistry } from '@switchboard/platform';
import { Registry } from 'prom-client';
import { authErrors } from '../auth/auth.errors';
import { Public } from '../auth/public.decorator';

// Prometheus scrapes without a user's JWT; METRICS_TOKEN, when set, is the scraper's own bearer
// token. Documented like every route, so that the route checks (authorisation matrix, fuzzer)
// need no exceptions.
@Public()
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format)' })
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!mayScrapeMetrics(authorization, this.config.metrics.token)) {
      throw authorization === undefined ? authErrors.missingToken() : authErrors.invalidToken('not the metrics token');
    }
    return this.registry.metrics();
  }
}
