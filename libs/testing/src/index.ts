export * from './test-database';
export * from './csv-text';
