// The shape a generic command handler needs: fold the stream with evolve, then decide. Facts are
// what a decision needs from other streams (see DialogFacts); deciders that need none take none.
export type Decider<Command, Event, State, Facts = undefined> = Readonly<{
  decide: (command: Command, state: State, facts: Facts) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: State;
}>;
