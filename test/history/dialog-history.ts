import {
  Actor,
  DialogCommand,
  DialogEvent,
  DialogRequest,
  DialogState,
  decideDialog,
  eventSchemaVersions,
  evolveDialog,
  initialDialogState,
} from '@switchboard/dialogs';
import { factsAllAvailable } from '@switchboard/dialogs/testing';
import type { EventToAppend } from '@switchboard/event-store';
import { Random } from './random';

export const CHANNELS = ['web', 'email', 'telegram', 'whatsapp', 'viber', 'instagram', 'facebook', 'vk'] as const;
export const LINES = ['support', 'sales', 'billing', 'delivery', 'vip'] as const;
export const OPERATORS = Array.from({ length: 40 }, (_, i) => `op-${i + 1}`);
const TAGS = ['delivery', 'refund', 'vip', 'bug', 'complaint', 'upsell'];
const PHRASES = ['where is my order', 'I want a refund', 'the app crashes on login', 'thank you', 'can you call me back', 'price for two'];

const channelActor: Actor = { kind: 'service', id: 'channel-bridge' };
const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };

/**
 * One dialog's life as the domain decides it, from a realistic script: client messages, bot
 * greetings, first replies, reassignment, notes, tags, transfers, closing with or without a
 * rating, reviews, reopening, spam. Every event passes through `decideDialog`, so the history
 * is one the service could have written.
 */
export function dialogHistory(random: Random, startsAt: number): { dialogId: string; events: EventToAppend[] } {
  const dialogId = random.uuid();
  let state: DialogState = initialDialogState;
  let clock = startsAt;
  const out: EventToAppend[] = [];
  const act = (actor: Actor, command: Omit<DialogCommand, 'metadata'>, stepSeconds = random.int(5, 600)) => {
    clock += stepSeconds * 1000;
    const occurredAt = new Date(clock);
    const full = { ...command, metadata: { actor, occurredAt } } as DialogCommand;
    const events: DialogEvent[] = decideDialog(full, state, factsAllAvailable(command as DialogRequest, actor));
    for (const event of events) {
      state = evolveDialog(state, event);
      out.push({
        id: random.uuid(),
        type: event.type,
        data: event.data as unknown as EventToAppend['data'],
        metadata: {
          actor: { ...actor },
          correlationId: random.uuid(),
          causationId: dialogId,
          occurredAt: occurredAt.toISOString(),
          schemaVersion: eventSchemaVersions[event.type],
        },
      });
    }
  };
  const operator = random.pick(OPERATORS);
  const opActor: Actor = { kind: 'operator', id: operator };
  const client = (text = random.pick(PHRASES)) =>
    act(channelActor, { type: 'SendMessage', data: { dialogId, messageId: random.uuid(), author: { kind: 'client' }, text } });
  const reply = (actor: Actor) =>
    act(actor, { type: 'SendMessage', data: { dialogId, messageId: random.uuid(), author: { kind: 'operator' }, text: 'Let me check that for you' } });

  act(
    channelActor,
    {
      type: 'OpenDialog',
      data: {
        dialogId,
        direction: random.chance(0.9) ? 'inbound' : 'outbound',
        channel: random.pick(CHANNELS),
        lineId: random.pick(LINES),
        client: { id: `client-${random.int(1, 50_000)}`, name: `Client ${random.int(1, 50_000)}` },
      },
    },
    0,
  );
  if (random.chance(0.3))
    act(
      { kind: 'service', id: 'bot' },
      {
        type: 'SendMessage',
        data: { dialogId, messageId: random.uuid(), author: { kind: 'bot', botId: 'greeter' }, text: 'Hi! An operator will answer soon.' },
      },
      2,
    );
  for (let i = random.int(1, 3); i > 0; i--) client();
  if (random.chance(0.05)) {
    act(supervisor, { type: 'ForceCloseAsSpam', data: { dialogId } });
    return { dialogId, events: out };
  }
  if (random.chance(0.4)) act(opActor, { type: 'TakeIntoWork', data: { dialogId } });
  reply(opActor);
  if (random.chance(0.3)) act(opActor, { type: 'AddNote', data: { dialogId, noteId: random.uuid(), text: 'internal: check the CRM' } });
  if (random.chance(0.5)) act(opActor, { type: 'AddTag', data: { dialogId, tag: random.pick(TAGS) } });
  let holder = opActor;
  if (random.chance(0.15)) {
    const other = random.pick(OPERATORS);
    act(supervisor, { type: 'AssignOperator', data: { dialogId, operatorId: other } });
    holder = { kind: 'operator', id: other };
  }
  for (let round = random.int(1, 5); round > 0; round--) {
    client();
    reply(holder);
  }
  if (random.chance(0.1)) {
    act(holder, { type: 'TransferToLine', data: { dialogId, toLineId: random.pick(LINES) } });
    client();
    holder = { kind: 'operator', id: random.pick(OPERATORS) };
    reply(holder);
  }
  const awaitingRating = random.chance(0.5);
  act(holder, { type: 'CloseDialog', data: { dialogId, awaitingRating } });
  if (awaitingRating) {
    if (random.chance(0.7)) act(channelActor, { type: 'RateDialog', data: { dialogId, rating: random.int(1, 5) } });
    // The client never rated: the rating wait times out.
    else act({ kind: 'system', id: 'rating-timeout' }, { type: 'FinishClosing', data: { dialogId } }, 3600);
  }
  if (random.chance(0.1)) act(supervisor, { type: 'ReviewDialog', data: { dialogId, score: random.int(1, 5), comment: 'ok' } });
  if (random.chance(0.08)) {
    act(supervisor, { type: 'ReopenDialog', data: { dialogId } });
    client();
    reply(holder);
    act(holder, { type: 'CloseDialog', data: { dialogId } });
  }
  return { dialogId, events: out };
}
