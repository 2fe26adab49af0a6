export * from './projection';
export * from './checkpoint-store';
export * from './projection-runner';
export { projectionMigrations } from './migrations';
