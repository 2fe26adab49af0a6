/** The environment, read once at start. */
export const APP_CONFIG = Symbol('AppConfig');
/** The migrated PostgreSQL database (a `ResolvedDatabase`). */
export const DATABASE = Symbol('Database');
