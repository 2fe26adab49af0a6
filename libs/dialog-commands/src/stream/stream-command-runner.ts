import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@switchboard/dialogs';
import { withLogContext } from '@switchboard/platform';
import { EVENT_STORE, EventStore, NO_STREAM, RecordedEvent, WrongExpectedRevisionError } from '@switchboard/event-store';
import { ConcurrencyConflictError, PreconditionFailedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { DomainEventLike, toEventsToAppend } from './event-envelope';

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
   * while the request was in flight counts. `recorded` is the stream that state was folded from,
   * for the one exception that looks back (a reply that lost a first-reply race).
   */
  authorize?(state: State, recorded: readonly RecordedEvent[]): void;
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

      const command = await spec.command(state);
      const earlier = context.idempotencyKey ? findEarlier(recorded, context, command.type) : undefined;
      if (earlier) return { ...earlier, streamId, state, duplicate: true };
      if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
        throw new PreconditionFailedError(streamId, context.expectedRevision, revision ?? 'no_stream');
      }
      spec.authorize?.(state, recorded);

      const events = decider.decide(command, state);
      if (events.length === 0) {
        // Nothing to record: the answer points at the state it was decided on, so a reader can
        // still wait for it with minPosition.
        const position = recorded.length > 0 ? recorded[recorded.length - 1].position : null;
        return { streamId, revision: revision ?? -1n, position, eventTypes: [], duplicate: false, state };
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

/** The answer for the caller: the decided state stays inside the write side. */
export function withoutState<State>({ state: _state, ...result }: StreamCommandResult<State>): CommandResult {
  return result;
}

/**
 * The events an earlier run of this very command recorded with the same key and principal: a
 * request whose process died before its answer was kept in the ledger. The command type keeps
 * apart two commands one request makes on one stream (a follow-up's open and its message).
 */
function findEarlier(
  recorded: readonly RecordedEvent[],
  context: RequestContext,
  commandType: string,
): Omit<CommandResult, 'streamId' | 'duplicate'> | undefined {
  const mine = recorded.filter((e) => {
    const meta = e.metadata as { idempotencyKey?: string; commandType?: string; actor?: { kind?: string; id?: string } };
    return (
      meta.idempotencyKey === context.idempotencyKey &&
      meta.commandType === commandType &&
      meta.actor?.id === context.actor.id &&
      meta.actor?.kind === context.actor.kind
    );
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
