// The shape a generic command handler needs: fold the stream with evolve, then decide.
export type Decider<Command, Event, State> = Readonly<{
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: State;
}>;
