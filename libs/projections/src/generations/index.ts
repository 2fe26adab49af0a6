export * from './read-model';
export * from './generation-catalog';
export * from './generation-projection';
export * from './build-generation';
export * from './generation-plan';
export * from './build-generations';
