import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One assignment or unassignment of a dialog: from whom, to whom, by whom, on which request. */
@Entity({ schema: 'read_models', name: 'assignment_audit' })
export class AssignmentAuditEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  // Log position as text: positions may pass 2^53.
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: 'OperatorAssigned' | 'OperatorUnassigned';
  @Column({ name: 'from_operator_id', type: 'text', nullable: true }) fromOperatorId!: string | null;
  // Null for an unassignment.
  @Column({ name: 'to_operator_id', type: 'text', nullable: true }) toOperatorId!: string | null;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'actor_kind', type: 'text', nullable: true }) actorKind!: string | null;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId!: string | null;
  @Column({ name: 'causation_id', type: 'text', nullable: true }) causationId!: string | null;
}
