export * from './read-model';
export * from './generation-catalog';
export * from './generation-projection';
export * from './generation-build';
export * from './build-generation';
export * from './generation-plan';
export * from './build-generations';
