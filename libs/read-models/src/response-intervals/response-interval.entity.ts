import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../shared/column-transformers';

/**
 * One closed response interval, credited to the operator whose message closed it, to the
 * operator assigned during the wait, and to the line the dialog was in when it closed. `day` is the UTC date of `endedAt`, as 'YYYY-MM-DD'.
 */
@Entity({ schema: 'read_models', name: 'response_intervals' })
export class ResponseIntervalEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  // Log position (as text: positions may pass 2^53) of the operator message that closed it.
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'operator_id', type: 'text' }) operatorId!: string;
  @Column({ name: 'line_id', type: 'text', nullable: true }) lineId!: string | null;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz' }) endedAt!: Date;
  @Column({ name: 'duration_ms', type: 'bigint', transformer: bigintAsNumber }) durationMs!: number;
  @Column({ type: 'date' }) day!: string;
  // The operator assigned during the wait, credited with it; null when nobody was.
  @Column({ name: 'assignee_id', type: 'text', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'business_duration_ms', type: 'bigint', transformer: bigintAsNumber }) businessDurationMs!: number;
}
