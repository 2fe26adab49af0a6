import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertAuthorized, clientErrors, clientStreamName, decideErasure, dialogStreamCategory, dialogStreamName, validateErasure } from '@switchboard/dialogs';
import { EVENT_STORE, NO_STREAM, PersonalDataEventStore, type EventStore } from '@switchboard/event-store';
import { EraseClientDataCommand, type ClientErasureResult } from '../commands';
import { toEventsToAppend } from '../stream/event-envelope';

const dialogPrefix = `${dialogStreamCategory}-`;

/**
 * Erases a client's personal data: destroys its key (the erasure itself, in PostgreSQL), then
 * records ClientDataErased on the client's stream with the dialogs whose read-model rows must be
 * scrubbed. A repeat finds every erasure recorded and says so; a repeat after a failure between
 * the two steps records the event then.
 */
@CommandHandler(EraseClientDataCommand)
export class EraseClientDataHandler implements ICommandHandler<EraseClientDataCommand, ClientErasureResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personal: PersonalDataEventStore,
  ) {}

  async execute({ command, knownDialogIds, context }: EraseClientDataCommand): Promise<ClientErasureResult> {
    assertAuthorized(command.actor, 'EraseClientData', null);
    validateErasure(command);
    const { clientId } = command;
    if (knownDialogIds.length === 0 && !(await this.personal.isKnownSubject(clientId))) throw clientErrors.notFound(clientId);
    const outcome = await this.personal.erase(clientId, knownDialogIds.map(dialogStreamName), command.occurredAt);
    const dialogIds = outcome.streams.filter((stream) => stream.startsWith(dialogPrefix)).map((stream) => stream.slice(dialogPrefix.length));

    const streamId = clientStreamName(clientId);
    const recorded = await this.store.readStream(streamId);
    const revision = recorded.at(-1)?.revision;
    const events = decideErasure(command, { erasures: outcome.erasures, dialogIds }, recorded.filter((e) => e.type === 'ClientDataErased').length);
    if (events.length === 0) {
      return { streamId, revision: revision ?? -1n, position: null, eventTypes: [], duplicate: false, alreadyErased: true, dialogIds };
    }
    const result = await this.store.appendToStream(streamId, toEventsToAppend(streamId, events, context, 'EraseClientData', command.occurredAt), {
      expectedRevision: revision ?? NO_STREAM,
    });
    return {
      streamId,
      revision: result.nextRevision,
      position: result.position,
      eventTypes: events.map((e) => e.type),
      duplicate: false,
      alreadyErased: false,
      dialogIds,
    };
  }
}
