import type { Decider } from '../shared/decider';
import type { SavedReplyCommand } from './saved-reply.commands';
import { decideSavedReply } from './saved-reply.decide';
import type { SavedReplyEvent } from './saved-reply.events';
import { evolveSavedReply } from './saved-reply.evolve';
import { initialSavedReplyState, type SavedReplyState } from './saved-reply.state';

export const savedReplyDecider: Decider<SavedReplyCommand, SavedReplyEvent, SavedReplyState> = {
  decide: decideSavedReply,
  evolve: evolveSavedReply,
  initialState: initialSavedReplyState,
};
