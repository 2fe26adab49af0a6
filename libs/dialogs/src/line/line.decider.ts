import type { Decider } from '../shared/decider';
import type { LineCommand } from './line.commands';
import { decideLine } from './line.decide';
import type { LineEvent } from './line.events';
import { evolveLine } from './line.evolve';
import { initialLineState, type LineState } from './line.state';

export const lineDecider: Decider<LineCommand, LineEvent, LineState> = {
  decide: decideLine,
  evolve: evolveLine,
  initialState: initialLineState,
};
