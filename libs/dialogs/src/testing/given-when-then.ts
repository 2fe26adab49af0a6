import type { Decider } from '../shared/decider';
import { DomainError, type DomainErrorKind } from '../shared/domain-error';

export type ExpectedError = Readonly<{ code: string; kind: DomainErrorKind }>;

// given(history).when(command).then(events): the history is folded with the decider's own
// evolve, so a spec states facts the way the event store would hand them back.
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      const state = foldEvents(decider, history);
      return {
        when(command: Command) {
          const act = (): Event[] => decider.decide(command, state);
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

export const foldEvents = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[],
): State => history.reduce<State>((current, event) => decider.evolve(current, event), decider.initialState);
