export * from './config/app-config';
export * from './database/embedded-postgres';
export * from './database/resolve-database';
export * from './database/run-migrations';
export * from './nest/platform.tokens';
export * from './nest/platform.module';
export * from './cli/progress-bar';
export * from './database/database-unavailable';
