import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../shared/column-transformers';

/**
 * One assignment period of a dialog and its first response (see assignment-responses.tables).
 * `day` is the UTC date of the first response, as 'YYYY-MM-DD'.
 */
@Entity({ schema: 'read_models', name: 'assignment_responses' })
export class AssignmentResponseEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  @PrimaryColumn({ name: 'assignment_number', type: 'integer' }) assignmentNumber!: number;
  @Column({ name: 'operator_id', type: 'text' }) operatorId!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'line_id', type: 'text', nullable: true }) lineId!: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt!: Date;
  @Column({ name: 'unassigned_at', type: 'timestamptz', nullable: true }) unassignedAt!: Date | null;
  @Column({ name: 'client_waiting_at', type: 'timestamptz', nullable: true }) clientWaitingAt!: Date | null;
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true }) firstResponseAt!: Date | null;
  @Column({ name: 'first_responder_id', type: 'text', nullable: true }) firstResponderId!: string | null;
  @Column({ name: 'first_response_ms', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  firstResponseMs!: number | null;
  @Column({ type: 'date', nullable: true }) day!: string | null;
  // Log position (as text: positions may pass 2^53) of the last event that changed the row.
  @Column({ name: 'last_position', type: 'bigint' }) lastPosition!: string;
}
