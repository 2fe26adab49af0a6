import { CreateWebhooks1763700700000 } from './1763700700000-create-webhooks';

export const webhookMigrations = [CreateWebhooks1763700700000];
