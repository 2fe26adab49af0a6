// The domain's test support, imported as `@switchboard/dialogs/testing`: deciders' given/when/then,
// one fixture dialog's events and commands, actors, and minutes since a fixed start.
export * from './actor.fixtures';
export * from './dialog.fixtures';
export * from './given-when-then';
export * from './time.fixtures';
