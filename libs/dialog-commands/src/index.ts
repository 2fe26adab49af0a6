export * from './commands';
export * from './intents';
export * from './request-context';
export * from './command.errors';
