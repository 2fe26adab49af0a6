import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { OperatorAvailability } from './operator-availability';

/**
 * A token outlives the registration it was issued for: an operator principal acts only while an
 * operator stream answers to its id and the operator was not removed. A suspended operator keeps
 * the rights that do not need them to be available (notes, tags); the decisions that do refuse.
 * Supervisors, admins and services are not operators and are not checked here.
 */
export function assertOperatorInService(actor: Actor, availability: OperatorAvailability): void {
  if (actor.kind !== 'operator' || availability === 'active' || availability === 'suspended') return;
  throw new DomainError(
    availability === 'removed' ? 'operator_removed' : 'operator_not_registered',
    'forbidden',
    availability === 'removed' ? `Operator ${actor.id} was removed` : `No operator is registered as ${actor.id}`,
    { operatorId: actor.id, status: availability },
  );
}
