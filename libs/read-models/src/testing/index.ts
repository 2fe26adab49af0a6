// The read models' test support, imported as `@switchboard/read-models/testing`: a database with
// live read models and the runner's helpers, rows written by hand for the queries, histories made
// through the domain (a scripted morning, random and bulk workloads), and fixtures for the folds.
export * from './business-hours.fixtures';
export * from './business-timings.fixtures';
export * from './dialog-list-dataset';
export * from './dialog-timeline.fixtures';
export * from './log-rows';
export * from './query-test-database';
export * from './random-workload';
export * from './read-model-rows';
export * from './read-models-test-kit';
export * from './reminder-workload';
export * from './saved-reply-workload';
export * from './support-scenario';
export * from './support-script';
// Facts carry their own dialog and position; their builders share names with the timeline's
// events (`opened`, `transferred`), so they come as one namespace.
export * as dialogFacts from './dialog-facts.fixtures';
