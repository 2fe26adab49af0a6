export * from './projection';
export * from './checkpoint-store';
export * from './projection-runner';
export * from './projection-lock';
export * from './rebuild';
export { projectionMigrations } from './migrations';
