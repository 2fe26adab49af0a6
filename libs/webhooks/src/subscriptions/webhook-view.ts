import type { SubscriptionStatus, WebhookSubscription } from './webhook-subscription';

/** A subscription as the API shows it: everything but the secret, which is shown once, at creation. */
export interface WebhookView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: readonly string[];
  categories: readonly string[];
  status: SubscriptionStatus;
  /** The last event delivered or dead-lettered, as decimal text; null before the first. */
  position: string | null;
  deadLetters: number;
  createdBy: string;
  createdAt: string;
}

export function webhookViewOf(subscription: WebhookSubscription, deadLetters: number): WebhookView {
  return {
    id: subscription.id,
    url: subscription.url,
    description: subscription.description,
    eventTypes: subscription.eventTypes,
    categories: subscription.categories,
    status: subscription.status,
    position: subscription.position?.toString() ?? null,
    deadLetters,
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt.toISOString(),
  };
}
