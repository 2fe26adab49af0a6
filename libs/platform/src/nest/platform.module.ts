import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { resolveDatabase, ResolvedDatabase } from '../database/resolve-database';
import { MigrationClass, runMigrations } from '../database/run-migrations';
import { createMetricsRegistry } from '../observability/metrics-registry';
import { APP_CONFIG, DATABASE, METRICS_REGISTRY } from './platform.tokens';

export interface PlatformOptions {
  /** Every migration the process's modules need, applied before anything else starts. */
  migrations: readonly MigrationClass[];
}

class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: ResolvedDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.stop();
  }
}

/** Configuration, the database and the metrics registry: the first thing every Switchboard process composes. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const logger = new Logger('Database');
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [DATABASE],
          useFactory: (database: ResolvedDatabase) => ({
            type: 'postgres' as const,
            url: database.url,
            synchronize: false,
            migrationsRun: false,
          }),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useFactory: () => loadConfig() },
        {
          provide: DATABASE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            const database = await resolveDatabase(config, logger);
            const applied = await runMigrations(database.url, options.migrations);
            if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
            return database;
          },
        },
        DatabaseLifecycle,
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
      ],
      exports: [APP_CONFIG, DATABASE, METRICS_REGISTRY],
    };
  }
}
