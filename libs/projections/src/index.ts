export * from './projection';
export * from './prepared-statement';
export * from './checkpoint-store';
export * from './batch-applier';
export * from './projection-runner';
export * from './projection-lock';
export * from './in-transaction';
export * from './generations';
export { projectionMigrations } from './migrations';
