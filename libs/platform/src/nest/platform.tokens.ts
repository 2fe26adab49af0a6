/** The environment, read once at start. */
export const APP_CONFIG = Symbol('AppConfig');
/** The migrated PostgreSQL database (a `ResolvedDatabase`). */
export const DATABASE = Symbol('Database');
/** The process's Prometheus registry (a `MetricsRegistry`): every module adds its series to it. */
export const METRICS_REGISTRY = Symbol('MetricsRegistry');
