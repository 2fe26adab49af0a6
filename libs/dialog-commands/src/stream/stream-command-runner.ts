import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@switchboard/dialogs';
import { withLogContext } from '@switchboard/platform';
import { EVENT_STORE, EventStore, NO_STREAM, RecordedEvent, WrongExpectedRevisionError } from '@switchboard/event-store';
import { ConcurrencyConflictError, PreconditionFailedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { DomainEventLike, toEventsToAppend } from './event-envelope';

/**
 * Access is judged on the stream as it stood this long before the request arrived: what the
 * requester's screen showed. A colleague's claim recorded within it does not refuse a reply
 * sent at the same moment; the reply is recorded and its author joins as a participant.
 */
export const ACCESS_GRACE_MS = 2000;

/** How often a command is decided again after another writer changed its stream first. */
export const MAX_ATTEMPTS = 8;

export interface StreamCommand<State, Command, Event extends DomainEventLike> {
  streamId: string;
  decider: Decider<Command, Event, State>;
  context: RequestContext;
  /** Builds the domain command from the current state (facts from other streams included). */
  command(state: State): Command | Promise<Command>;
  /**
   * Checked once, against the stream as it stood when the request arrived (see
   * `RequestContext.receivedAt`), and not again on a retry: an operator allowed to answer an
   * unassigned dialog keeps the right to have that answer recorded when a racing colleague
   * claims the dialog a moment earlier.
   */
  authorize?(state: State): void;
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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The current state of a stream, for handlers that need to look before they act. */
  async load<State, Event extends DomainEventLike>(streamId: string, decider: Decider<never, Event, State>): Promise<State> {
    const recorded = await this.store.readStream(streamId);
    return recorded.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState);
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
    for (let attempt = 1; ; attempt++) {
      const recorded = await this.store.readStream(streamId);
      // Stored events were written by these deciders; upcasting old versions belongs here later.
      const state = recorded.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState);
      const revision = recorded.length > 0 ? recorded[recorded.length - 1].revision : undefined;

      const earlier = context.idempotencyKey ? findEarlier(recorded, context) : undefined;
      if (earlier) return { ...earlier, streamId, state, duplicate: true };
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new PreconditionFailedError(streamId, context.expectedRevision, revision ?? 'no_stream');
      }
      if (attempt === 1 && spec.authorize) {
        const seenAt = context.receivedAt && new Date(context.receivedAt.getTime() - ACCESS_GRACE_MS);
        spec.authorize(stateAt(recorded, decider, seenAt));
      }

      const command = await spec.command(state);
      const events = decider.decide(command, state);
      if (events.length === 0) {
        return { streamId, revision: revision ?? -1n, position: null, eventTypes: [], duplicate: false, state };
      }
      const occurredAt = commandTime(command) ?? context.occurredAt ?? new Date();
      const toAppend = toEventsToAppend(streamId, events, context, command.type, occurredAt);
      try {
        const result = await this.store.appendToStream(streamId, toAppend, { expectedRevision: revision ?? NO_STREAM });
        const after = events.reduce((s, e) => decider.evolve(s, e), state);
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          eventTypes: events.map((e) => e.type),
          duplicate: false,
          state: after,
        };
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

function stateAt<State, Event extends DomainEventLike>(
  recorded: readonly RecordedEvent[],
  decider: Decider<never, Event, State>,
  instant: Date | undefined,
): State {
  const seen = instant ? recorded.filter((e) => e.recordedAt <= instant) : recorded;
  return seen.reduce((s, e) => decider.evolve(s, e as unknown as Event), decider.initialState);
}

/** The answer for the caller: the decided state stays inside the write side. */
export function withoutState<State>({ state: _state, ...result }: StreamCommandResult<State>): CommandResult {
  return result;
}

function findEarlier(recorded: readonly RecordedEvent[], context: RequestContext): Omit<CommandResult, 'streamId' | 'duplicate'> | undefined {
  const mine = recorded.filter((e) => {
    const meta = e.metadata as { idempotencyKey?: string; actor?: { kind?: string; id?: string } };
    return meta.idempotencyKey === context.idempotencyKey && meta.actor?.id === context.actor.id && meta.actor?.kind === context.actor.kind;
  });
  if (mine.length === 0) return undefined;
  const last = mine[mine.length - 1];
  return { revision: last.revision, position: last.position, eventTypes: mine.map((e) => e.type) };
}

/** Domain commands carry their time in metadata; the envelope records the same instant. */
function commandTime(command: object): Date | undefined {
  const metadata = (command as { metadata?: { occurredAt?: unknown } }).metadata;
  return metadata?.occurredAt instanceof Date ? metadata.occurredAt : undefined;
}
