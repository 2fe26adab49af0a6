// Test support every library's specs share: a database per test file, CSV reading, waiting for a condition.
export * from './test-database';
export * from './csv-text';
export * from './eventually';
