import type { SortOrder } from '../shared/sort-order';
import type { TimeRange } from '../shared/time-range';
import type { AssignmentAuditCursor } from './assignment-audit-cursor';

/** The assignment trail, narrowed by any of these; all given must hold. */
export type ListAssignmentAuditQuery = Readonly<{
  dialogId?: string;
  /** The operator who lost or got the dialog. */
  operatorId?: string;
  /** Who did it (the authenticated principal, or `routing`/`operator-removal` for the system). */
  actorId?: string;
  /** Everything one request caused. */
  correlationId?: string;
  /** When it happened (the events' occurredAt). */
  occurred?: TimeRange;
  order: SortOrder;
  limit: number;
  /** Decoded already; it must have been made for this order. */
  cursor?: AssignmentAuditCursor;
}>;

/** One assignment or unassignment: from whom, to whom, by whom, why, when, on which request. */
export type AssignmentAuditView = Readonly<{
  dialogId: string;
  position: string;
  eventId: string;
  eventType: 'OperatorAssigned' | 'OperatorUnassigned';
  fromOperatorId: string | null;
  toOperatorId: string | null;
  reason: string;
  actor: Readonly<{ kind: string; id: string }> | null;
  occurredAt: Date;
  correlationId: string | null;
  causationId: string | null;
}>;
