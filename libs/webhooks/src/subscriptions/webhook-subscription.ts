import type { LogFilter, Position } from '@switchboard/event-store';

export type SubscriptionStatus = 'active' | 'paused';

/** A subscription as the worker needs it: where to send, how to sign, what, and from where. */
export interface WebhookSubscription {
  id: string;
  url: string;
  secret: string;
  description: string | null;
  eventTypes: readonly string[];
  categories: readonly string[];
  status: SubscriptionStatus;
  /** The last event delivered or given up on; undefined: from the first event of the log. */
  position: Position | undefined;
  createdBy: string;
  createdAt: Date;
}

export interface NewSubscription {
  id: string;
  url: string;
  secret: string;
  description: string | null;
  eventTypes: readonly string[];
  categories: readonly string[];
  position: Position | undefined;
  createdBy: string;
}

/** Empty lists mean "all": a filter names only what it narrows. */
export function logFilterOf(subscription: Pick<WebhookSubscription, 'eventTypes' | 'categories'>): LogFilter {
  return {
    ...(subscription.eventTypes.length > 0 ? { eventTypes: subscription.eventTypes } : {}),
    ...(subscription.categories.length > 0 ? { categories: subscription.categories } : {}),
  };
}
