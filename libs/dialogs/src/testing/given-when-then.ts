import type { Decider } from '../shared/decider';
import { DomainError, type DomainErrorKind } from '../shared/domain-error';

export type ExpectedError = Readonly<{ code: string; kind: DomainErrorKind }>;

// given(history).when(command).then(events): the history is folded with the decider's own
// evolve, so a spec states facts the way the event store would hand them back.
// Facts from other streams come beside the command; `facts` is what a spec assumes when a `when`
// names none.
export function deciderSpec<Command, Event, State, Facts>(decider: Decider<Command, Event, State, Facts>, facts: Facts) {
  return {
    given(history: readonly Event[]) {
      const state = foldEvents(decider, history);
      return {
        when(command: Command, known: Facts = facts) {
          const act = (): Event[] => decider.decide(command, state, known);
          return {
            then(expected: readonly Event[]): void {
              expect(act()).toEqual(expected);
            },
            thenNothing(): void {
              expect(act()).toEqual([]);
            },
            thenFails(expected: ExpectedError): void {
              const error = caught(act);
              expect(error).toBeInstanceOf(DomainError);
              const { code, kind } = error as DomainError;
              expect({ code, kind }).toEqual(expected);
            },
          };
        },
      };
    },
  };
}

function caught(act: () => unknown): unknown {
  try {
    act();
  } catch (error: unknown) {
    return error;
  }
  throw new Error('Expected the decision to fail, but it succeeded');
}

export const foldEvents = <Event, State>(decider: Pick<Decider<never, Event, State, never>, 'evolve' | 'initialState'>, history: readonly Event[]): State =>
  history.reduce<State>((current, event) => decider.evolve(current, event), decider.initialState);
