import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@switchboard/dialogs';
import { withLogContext } from '@switchboard/platform';
import { EVENT_STORE, EventStore, NO_STREAM, RecordedEvent, WrongExpectedRevisionError } from '@switchboard/event-store';
import { ConcurrencyConflictError, PreconditionFailedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { DomainEventLike, toEventsToAppend } from './event-envelope';
import { FoldedStream, runKey, StreamStates } from './stream-states';

/** How often a command is decided again after another writer changed its stream first. */
export const MAX_ATTEMPTS = 8;

export interface StreamCommand<State, Command, Event extends DomainEventLike> {
  streamId: string;
  decider: Decider<Command, Event, State>;
  context: RequestContext;
  /** Builds the domain command from the current state (facts from other streams included). */
  command(state: State): Command | Promise<Command>;
  /**
   * Judged on the state each attempt is decided on, never on an older one: a change recorded
   * while the request was in flight counts. `since` reads what was recorded after a revision,
   * for the one exception that looks back (a reply that lost a first-reply race).
   */
  authorize?(state: State, since: (revision: bigint) => Promise<readonly RecordedEvent[]>): void | Promise<void>;
}

export interface StreamCommandResult<State> extends CommandResult {
  state: State;
}

/**
 * Load, decide, append with the revision decided on; on a concurrent write, decide again on the
 * fresh state, a bounded number of times.
 */
@Injectable()
export class StreamCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: StreamStates,
  ) {}

  /** The current state of a stream, for handlers that need to look before they act. */
  async load<State, Event extends DomainEventLike>(streamId: string, decider: Decider<never, Event, State>): Promise<State> {
    return (await this.states.current(streamId, decider)).state;
  }

  run<State, Command extends { type: string }, Event extends DomainEventLike>(
    spec: StreamCommand<State, Command, Event>,
  ): Promise<StreamCommandResult<State>> {
    // Whatever the command logs carries its ids, also when a reaction, not a request, issued it.
    const { correlationId, causationId } = spec.context;
    return withLogContext({ correlationId, ...(causationId !== undefined ? { causationId } : {}) }, () => this.decideAndAppend(spec));
  }

  private async decideAndAppend<State, Command extends { type: string }, Event extends DomainEventLike>(
    spec: StreamCommand<State, Command, Event>,
  ): Promise<StreamCommandResult<State>> {
    const { streamId, decider, context } = spec;
    const since = (revision: bigint) => this.store.readStream(streamId, { fromRevision: revision + 1n });
    for (let attempt = 1; ; attempt++) {
      const folded = await this.states.current(streamId, decider);
      const { state, revision } = folded;

      const command = await spec.command(state);
      const earlier = context.idempotencyKey ? folded.runs.get(runKey(context.actor, context.idempotencyKey, command.type)) : undefined;
      if (earlier) return { ...earlier, streamId, state, duplicate: true };
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new PreconditionFailedError(streamId, context.expectedRevision, revision ?? 'no_stream');
      }
      await spec.authorize?.(state, since);

      const events = decider.decide(command, state);
      if (events.length === 0) {
        // Nothing to record: the answer points at the state it was decided on, so a reader can
        // still wait for it with minPosition.
        return { streamId, revision: revision ?? -1n, position: folded.position, eventTypes: [], duplicate: false, state };
      }
      const occurredAt = commandTime(command) ?? context.occurredAt ?? new Date();
      const toAppend = toEventsToAppend(streamId, events, context, command.type, occurredAt);
      try {
        const result = await this.store.appendToStream(streamId, toAppend, { expectedRevision: revision ?? NO_STREAM });
        const after = afterAppend(folded, events, decider, result, context, command.type);
        this.states.confirm(streamId, after);
        const eventTypes = events.map((e) => e.type);
        return { streamId, revision: result.nextRevision, position: result.position, eventTypes, duplicate: false, state: after.state };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (context.expectedRevision !== undefined) {
          throw new PreconditionFailedError(streamId, context.expectedRevision, error.actual);
        }
        if (attempt >= MAX_ATTEMPTS) throw new ConcurrencyConflictError(streamId, attempt);
      }
    }
  }
}

/** The folded stream after the store confirmed this command's append. */
function afterAppend<State, Event extends DomainEventLike>(
  folded: FoldedStream<State>,
  events: readonly Event[],
  decider: Decider<never, Event, State>,
  result: { nextRevision: bigint; position: bigint },
  context: RequestContext,
  commandType: string,
): FoldedStream<State> {
  const state = events.reduce((s, e) => decider.evolve(s, e), folded.state);
  const eventTypes = events.map((e) => e.type);
  const run = { revision: result.nextRevision, position: result.position, eventTypes };
  const runs = context.idempotencyKey ? new Map(folded.runs).set(runKey(context.actor, context.idempotencyKey, commandType), run) : folded.runs;
  return { state, revision: result.nextRevision, position: result.position, runs };
}

/** The answer for the caller: the decided state stays inside the write side. */
export function withoutState<State>({ state: _state, ...result }: StreamCommandResult<State>): CommandResult {
  return result;
}

/** Domain commands carry their time in metadata; the envelope records the same instant. */
function commandTime(command: object): Date | undefined {
  const metadata = (command as { metadata?: { occurredAt?: unknown } }).metadata;
  return metadata?.occurredAt instanceof Date ? metadata.occurredAt : undefined;
}
