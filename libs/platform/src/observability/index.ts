export * from './log-context';
export * from './log-record';
export * from './redaction';
export * from './switchboard-logger';
export * from './metrics-registry';
export * from './timed-method';
export * from './create-logger';
export * from './metrics-token';
