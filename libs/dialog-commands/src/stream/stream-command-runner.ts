import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@switchboard/dialogs';
import { withLogContext } from '@switchboard/platform';
import { EVENT_STORE, EventStore, NO_STREAM, RecordedEvent, WrongExpectedRevisionError } from '@switchboard/event-store';
import { ConcurrencyConflictError, PreconditionFailedError } from '../command.errors';
import type { CommandResult, RequestContext } from '../request-context';
import { DomainEventLike, toEventsToAppend } from './event-envelope';
import { Fold, FoldedStream, recordRun, runKey, StreamStates } from './stream-states';

/** How often a command is decided again after another writer changed its stream first. */
export const MAX_ATTEMPTS = 8;

export interface StreamCommand<State, Command, Event extends DomainEventLike, Facts> {
  streamId: string;
  decider: Decider<Command, Event, State, Facts>;
  context: RequestContext;
  /** The domain command, with the instant it is decided for (never before the stream's last event). */
  command(state: State): Command;
  /** What the decision needs from other streams, looked up anew for each attempt. */
  facts(command: Command): Facts | Promise<Facts>;
  /**
   * Judged on the state each attempt is decided on, never on an older one: a change recorded
   * while the request was in flight counts. `since` reads what was recorded after a revision,
   * for the one exception that looks back (a reply that lost a first-reply race).
   */
  authorize?(command: Command, state: State, facts: Facts, since: (revision: bigint) => Promise<readonly RecordedEvent[]>): void | Promise<void>;
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
  async load<State, Event extends DomainEventLike>(streamId: string, decider: Fold<Event, State>): Promise<State> {
    return (await this.states.current(streamId, decider)).state;
  }

  run<State, Command extends { type: string }, Event extends DomainEventLike, Facts>(
    spec: StreamCommand<State, Command, Event, Facts>,
  ): Promise<StreamCommandResult<State>> {
    // Whatever the command logs carries its ids, also when a reaction, not a request, issued it.
    const { correlationId, causationId } = spec.context;
    return withLogContext({ correlationId, ...(causationId !== undefined ? { causationId } : {}) }, () => this.decideAndAppend(spec));
  }

  /**
   * Decides first on the kept state without reading the store: when it is current, the append
   * (which expects its exact revision) is the only round trip. Whatever the store answers, a
   * decision is only ever final on a fresh state: a refusal, a precondition failure or a
   * decision to record nothing is made again on the stream as the store has it, and a lost
   * append reads what was recorded since.
   */
  private async decideAndAppend<State, Command extends { type: string }, Event extends DomainEventLike, Facts>(
    spec: StreamCommand<State, Command, Event, Facts>,
  ): Promise<StreamCommandResult<State>> {
    const { streamId, decider, context } = spec;
    const since = (revision: bigint) => this.store.readStream(streamId, { fromRevision: revision + 1n });
    const kept = this.states.kept(streamId, decider);
    let fresh = kept === undefined;
    let folded = kept ?? (await this.states.current(streamId, decider));
    for (let attempt = 1; ;) {
      let decision: Decision<State, Event>;
      try {
        decision = await decideOn(spec, folded, since);
      } catch (error) {
        if (fresh) throw error;
        decision = { kind: 'stale' };
      }
      if (decision.kind === 'answer' && (fresh || decision.result.duplicate)) return decision.result;
      if (decision.kind !== 'append') {
        folded = await this.states.current(streamId, decider);
        fresh = true;
        continue;
      }
      const { command, events } = decision;
      const occurredAt = commandTime(command) ?? context.occurredAt ?? new Date();
      const toAppend = toEventsToAppend(streamId, events, context, command.type, occurredAt);
      try {
        const result = await this.store.appendToStream(streamId, toAppend, { expectedRevision: folded.revision ?? NO_STREAM });
        const after = afterAppend(folded, events, decider, result, context, command.type);
        this.states.confirm(streamId, after);
        const eventTypes = events.map((e) => e.type);
        return { streamId, revision: result.nextRevision, position: result.position, eventTypes, duplicate: false, state: after.state };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (context.expectedRevision !== undefined && fresh) {
          throw new PreconditionFailedError(streamId, context.expectedRevision, error.actual);
        }
        if (fresh && attempt++ >= MAX_ATTEMPTS) throw new ConcurrencyConflictError(streamId, attempt - 1);
        folded = await this.states.current(streamId, decider);
        fresh = true;
      }
    }
  }
}

type Decision<State, Event> =
  { kind: 'answer'; result: StreamCommandResult<State> } | { kind: 'append'; command: { type: string }; events: readonly Event[] } | { kind: 'stale' };

/** One decision on a folded stream: an answer without writing, or the events to append. */
async function decideOn<State, Command extends { type: string }, Event extends DomainEventLike, Facts>(
  spec: StreamCommand<State, Command, Event, Facts>,
  folded: FoldedStream<State>,
  since: (revision: bigint) => Promise<readonly RecordedEvent[]>,
): Promise<Decision<State, Event>> {
  const { streamId, decider, context } = spec;
  const { state, revision } = folded;
  const command = spec.command(state);
  const earlier = context.idempotencyKey ? folded.runs.get(runKey(context.actor, context.idempotencyKey, command.type)) : undefined;
  if (earlier) return { kind: 'answer', result: { ...earlier, streamId, state, duplicate: true } };
  if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
    throw new PreconditionFailedError(streamId, context.expectedRevision, revision ?? 'no_stream');
  }
  const facts = await spec.facts(command);
  await spec.authorize?.(command, state, facts, since);
  const events = decider.decide(command, state, facts);
  if (events.length > 0) return { kind: 'append', command, events };
  // Nothing to record: the answer points at the state it was decided on, so a reader can still
  // wait for it with minPosition.
  return { kind: 'answer', result: { streamId, revision: revision ?? -1n, position: folded.position, eventTypes: [], duplicate: false, state } };
}

/** The folded stream after the store confirmed this command's append. */
function afterAppend<State, Event extends DomainEventLike>(
  folded: FoldedStream<State>,
  events: readonly Event[],
  decider: Fold<Event, State>,
  result: { nextRevision: bigint; position: bigint },
  context: RequestContext,
  commandType: string,
): FoldedStream<State> {
  const state = events.reduce((s, e) => decider.evolve(s, e), folded.state);
  const eventTypes = events.map((e) => e.type);
  const run = { revision: result.nextRevision, position: result.position, eventTypes };
  if (context.idempotencyKey) recordRun(folded.runs, runKey(context.actor, context.idempotencyKey, commandType), run);
  return { state, revision: result.nextRevision, position: result.position, runs: folded.runs };
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
