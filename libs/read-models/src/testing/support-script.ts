import { randomUUID } from 'node:crypto';
import {
  clientStreamName,
  decideErasure,
  dialogDecider,
  dialogStreamName,
  eventSchemaVersions,
  isEventType,
  lineDecider,
  lineStreamName,
  operatorDecider,
  operatorStreamName,
  reminderDecider,
  reminderStreamName,
  savedReplyDecider,
  savedReplyStreamName,
  type Actor,
  type ClientDataErased,
  type Decider,
  type EraseClientData,
  type ErasureFacts,
  type DialogCommand,
  type LineCommand,
  type OperatorCommand,
  type ReminderCommand,
  type SavedReplyCommand,
} from '@switchboard/dialogs';
import { factsAllAvailable, iso } from '@switchboard/dialogs/testing';
import { NO_STREAM, type EventStore, type JsonObject } from '@switchboard/event-store';

/** Scenarios speak in minutes since the domain fixtures' fixed start. */
export const isoAt = iso;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type DialogCommandInput = DistributiveOmit<DialogCommand, 'metadata'>;
export type LineCommandInput = DistributiveOmit<LineCommand, 'metadata'>;
export type OperatorCommandInput = DistributiveOmit<OperatorCommand, 'metadata'>;
export type SavedReplyCommandInput = DistributiveOmit<SavedReplyCommand, 'metadata'>;
export type ReminderCommandInput = DistributiveOmit<ReminderCommand, 'metadata'>;

/** Who does it, when, and on which request (the correlation id defaults to a new one). */
export type Step = Readonly<{ actor: Actor; minute: number; correlationId?: string; causationId?: string }>;

interface StreamState<State> {
  state: State;
  revision: bigint | undefined;
}

/**
 * Writes the log as the write side does: each command is decided by the domain on its stream's
 * folded state and appended with the revision it was decided on, with the metadata every stored
 * event carries. A command the domain refuses throws its DomainError.
 */
export class SupportScript {
  private readonly streams = new Map<string, StreamState<unknown>>();

  constructor(private readonly store: EventStore) {}

  dialog(command: DialogCommandInput, step: Step): Promise<string[]> {
    const facts = factsAllAvailable(command, step.actor);
    return this.run(dialogDecider, dialogStreamName(command.data.dialogId), { ...command, metadata: metadataOf(step) }, step, facts);
  }

  line(command: LineCommandInput, step: Step): Promise<string[]> {
    return this.run(lineDecider, lineStreamName(command.data.lineId), { ...command, metadata: metadataOf(step) }, step, undefined);
  }

  operator(command: OperatorCommandInput, step: Step): Promise<string[]> {
    return this.run(operatorDecider, operatorStreamName(command.data.operatorId), { ...command, metadata: metadataOf(step) }, step, undefined);
  }

  savedReply(command: SavedReplyCommandInput, step: Step): Promise<string[]> {
    const streamId = savedReplyStreamName(command.data.savedReplyId);
    return this.run(savedReplyDecider, streamId, { ...command, metadata: metadataOf(step) }, step, undefined);
  }

  /**
   * Records a client's erasure as the write side decides it, given what the key table says; the
   * key itself is the store's to destroy (PersonalDataEventStore.erase).
   */
  clientErased(data: Readonly<{ clientId: string; reason: string }>, facts: ErasureFacts, step: Step): Promise<string[]> {
    const command = { type: 'EraseClientData', ...data, actor: step.actor, occurredAt: new Date(isoAt(step.minute)) } as const;
    return this.run(erasureDecider, clientStreamName(data.clientId), command, step, facts);
  }

  /** The dialog is taken to be open: the script does not look at other streams. */
  reminder(command: ReminderCommandInput, step: Step): Promise<string[]> {
    const streamId = reminderStreamName(command.data.reminderId);
    return this.run(reminderDecider, streamId, { ...command, metadata: metadataOf(step) }, step, { dialog: 'open' as const });
  }

  private async run<Command extends { type: string }, Event extends { type: string; data: object }, State, Facts>(
    decider: Decider<Command, Event, State, Facts>,
    streamId: string,
    command: Command,
    step: Step,
    facts: Facts,
  ): Promise<string[]> {
    const stream = (this.streams.get(streamId) as StreamState<State> | undefined) ?? {
      state: decider.initialState,
      revision: undefined,
    };
    const events = decider.decide(command, stream.state, facts);
    if (events.length === 0) return [];
    const correlationId = step.correlationId ?? randomUUID();
    const metadata = {
      actor: { kind: step.actor.kind, id: step.actor.id },
      correlationId,
      causationId: step.causationId ?? correlationId,
      occurredAt: isoAt(step.minute),
      commandType: command.type,
    };
    const result = await this.store.appendToStream(
      streamId,
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: { ...metadata, schemaVersion: isEventType(event.type) ? eventSchemaVersions[event.type] : 1 },
      })),
      { expectedRevision: stream.revision ?? NO_STREAM },
    );
    this.streams.set(streamId, {
      state: events.reduce((state, event) => decider.evolve(state, event), stream.state),
      revision: result.nextRevision,
    });
    return events.map((event) => event.type);
  }
}

// The client's stream folds to how many erasures it records.
const erasureDecider: Decider<EraseClientData & { type: 'EraseClientData' }, ClientDataErased, number, ErasureFacts> = {
  initialState: 0,
  decide: (command, recorded, facts) => decideErasure(command, facts, recorded),
  evolve: (recorded) => recorded + 1,
};

const metadataOf = (step: Step) => ({ actor: step.actor, occurredAt: new Date(Date.parse(isoAt(step.minute))) });
