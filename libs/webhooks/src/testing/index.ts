// The webhooks' test support, imported as `@switchboard/webhooks/testing`: a database with the
// webhook tables, and a real HTTP receiver that records what it is sent.
export * from './test-receiver';
export * from './webhook-test-kit';
