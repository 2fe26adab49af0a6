import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { requireNonBlank } from '../shared/validation';
import type { ClientDataErased } from './client.events';

export const MAX_ERASURE_REASON = 1000;

export type EraseClientData = Readonly<{ clientId: string; reason: string; actor: Actor; occurredAt: Date }>;

/**
 * What the key table says of the client once its key is destroyed: how many erasures it has
 * seen (one more each time a key was destroyed), and the dialogs known to be the client's.
 */
export type ErasureFacts = Readonly<{ erasures: number; dialogIds: readonly string[] }>;

export const clientErrors = {
  notFound: (clientId: string) => new DomainError('client_not_found', 'not_found', `No dialog or key of client ${clientId} is known`, { clientId }),
  reasonTooLong: (max: number) => new DomainError('erasure_reason_too_long', 'invalid', `reason is longer than ${max} characters`, { field: 'reason', max }),
};

/** Checked before anything is destroyed. */
export function validateErasure(command: EraseClientData): void {
  requireNonBlank({ reason: command.reason });
  if (command.reason.length > MAX_ERASURE_REASON) throw clientErrors.reasonTooLong(MAX_ERASURE_REASON);
}

/**
 * The erasure to record, or none when the stream records every erasure already (the client was
 * erased and has had no key since): the key is the erasure, the event its record, so a retry
 * after the key went but before the event landed records it then.
 */
export function decideErasure(command: EraseClientData, facts: ErasureFacts, recorded: number): ClientDataErased[] {
  if (recorded >= facts.erasures) return [];
  return [
    {
      type: 'ClientDataErased',
      data: {
        clientId: command.clientId,
        erasedBy: command.actor.id,
        reason: command.reason,
        dialogIds: [...new Set(facts.dialogIds)].sort(),
        occurredAt: command.occurredAt.toISOString(),
      },
    },
  ];
}
