// The projector's test support, imported as `@switchboard/projector/testing`: a database holding an
// exportable history, and a changed version of a read model to rebuild.
export * from './export-fixture';
export * from './wait-from-creation';
