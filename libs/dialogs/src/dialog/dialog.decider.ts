import type { Decider } from '../shared/decider';
import type { DialogCommand } from './dialog.commands';
import { decideDialog } from './dialog.decide';
import type { DialogFacts } from './dialog.facts';
import type { DialogEvent } from './dialog.events';
import { evolveDialog } from './dialog.evolve';
import { initialDialogState, type DialogState } from './dialog.state';

export const dialogDecider: Decider<DialogCommand, DialogEvent, DialogState, DialogFacts> = {
  decide: decideDialog,
  evolve: evolveDialog,
  initialState: initialDialogState,
};
