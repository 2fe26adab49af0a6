import * as dialogs from '@switchboard/dialogs';

// Guards the public entry point itself: the alias resolves and type-only re-exports do not
// swallow any runtime value the other layers rely on.
describe('@switchboard/dialogs', () => {
  it.each([
    'decideDialog',
    'evolveDialog',
    'dialogDecider',
    'initialDialogState',
    'followUpDialogFor',
    'nextDetailedStatus',
    'generalStatusOf',
    'journalStatusOf',
    'decideOperator',
    'operatorDecider',
    'decideLine',
    'lineDecider',
    'chooseOperator',
    'authorize',
    'authorizeCommand',
    'eventSchemaVersions',
    'DomainError',
    'dialogErrors',
    'dialogStreamName',
  ])('exports %s', (name) => {
    expect(dialogs).toHaveProperty(name);
  });
});
