import { randomUUID } from 'node:crypto';
import type { EventStore, Position } from '@switchboard/event-store';
import { generateSecret } from '../signing/webhook-secret';
import type { SubscriptionStore } from './subscription-store';
import type { WebhookSubscription } from './webhook-subscription';

/** Where a new subscription starts: after the head of the log now, from the first event, or after a position. */
export type StartingPoint = { kind: 'now' } | { kind: 'start' } | { kind: 'after'; position: Position };

export interface WebhookRegistration {
  url: string;
  eventTypes: readonly string[];
  categories: readonly string[];
  secret?: string;
  description?: string;
  from: StartingPoint;
  createdBy: string;
}

export class StartBeyondHeadError extends Error {
  override readonly name = 'StartBeyondHeadError';

  constructor(readonly head: Position | undefined) {
    super(`must not be after the head of the log (${head === undefined ? 'the log is empty' : head.toString()})`);
  }
}

/**
 * Records a subscription with its checkpoint set to its starting point. Starting "now" reads the
 * head position once: events appended after that are delivered, whichever process appends them.
 * A position past the head is refused, since the worker would silently skip what comes between.
 */
export async function registerWebhook(
  subscriptions: SubscriptionStore,
  events: EventStore,
  registration: WebhookRegistration,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const secret = registration.secret ?? generateSecret();
  const position = await startPosition(events, registration.from);
  const subscription = await subscriptions.create({
    id: randomUUID(),
    url: registration.url,
    secret,
    description: registration.description ?? null,
    eventTypes: registration.eventTypes,
    categories: registration.categories,
    position,
    createdBy: registration.createdBy,
  });
  return { subscription, secret };
}

async function startPosition(events: EventStore, from: StartingPoint): Promise<Position | undefined> {
  switch (from.kind) {
    case 'start':
      return undefined;
    case 'now':
      return events.headPosition();
    case 'after': {
      const head = await events.headPosition();
      if (head === undefined || from.position > head) throw new StartBeyondHeadError(head);
      return from.position;
    }
    default: {
      const unknownStart: never = from;
      throw new Error(`unknown start ${JSON.stringify(unknownStart)}`);
    }
  }
}
