import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { LATENCY_BUCKETS, METRICS_REGISTRY, timeMethod, type MetricsRegistry } from '@switchboard/platform';
import { Histogram } from 'prom-client';
import { commandOutcomeOf, commandTypeOf } from './command-labels';

/**
 * Times every command sent through the CQRS bus, by command type and outcome. The histogram's
 * `_count` is the command rate. The bus has no interceptors, so its `execute` is wrapped once at
 * start; items of a bulk action are commands of their own and are counted each.
 */
@Injectable()
export class CommandMetrics implements OnModuleInit {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(METRICS_REGISTRY) private readonly registry: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    const duration = new Histogram({
      name: 'switchboard_command_duration_seconds',
      help: 'Time to decide and record one command, by command type and outcome (ok, duplicate, domain_error, conflict, precondition_failed, unavailable, error)',
      labelNames: ['command', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [this.registry],
    });
    timeMethod(this.commandBus, 'execute', (settled, [command]) => {
      duration.observe({ command: commandTypeOf(command), outcome: commandOutcomeOf(settled) }, settled.seconds);
    });
  }
}
