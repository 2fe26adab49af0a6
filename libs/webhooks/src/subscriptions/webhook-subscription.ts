import type { LogFilter, Position } from '@switchboard/event-store';

export type SubscriptionStatus = 'active' | 'paused';

/** What the API records; the subscription starts active. */
export interface NewSubscription {
  id: string;
  url: string;
  secret: string;
  description: string | null;
  eventTypes: readonly string[];
  categories: readonly string[];
  /** The last event delivered or given up on; undefined: from the first event of the log. */
  position: Position | undefined;
  createdBy: string;
}

/** A subscription as the worker needs it: where to send, how to sign, what, and from where. */
export interface WebhookSubscription extends NewSubscription {
  status: SubscriptionStatus;
  createdAt: Date;
}

/** Empty lists mean "all": a filter names only what it narrows. */
export function logFilterOf(subscription: Pick<WebhookSubscription, 'eventTypes' | 'categories'>): LogFilter {
  return {
    ...(subscription.eventTypes.length > 0 ? { eventTypes: subscription.eventTypes } : {}),
    ...(subscription.categories.length > 0 ? { categories: subscription.categories } : {}),
  };
}
