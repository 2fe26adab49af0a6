import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DetailedStatus, GeneralStatus } from '@switchboard/dialogs';

/** One change of a dialog's statuses; the `from` pair is null for the opening. */
@Entity({ schema: 'read_models', name: 'status_history' })
export class StatusChangeEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  // Log position as text: positions may pass 2^53.
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'actor_kind', type: 'text', nullable: true }) actorKind!: string | null;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'from_general_status', type: 'text', nullable: true }) fromGeneralStatus!: GeneralStatus | null;
  @Column({ name: 'to_general_status', type: 'text' }) toGeneralStatus!: GeneralStatus;
  @Column({ name: 'from_detailed_status', type: 'text', nullable: true }) fromDetailedStatus!: DetailedStatus | null;
  @Column({ name: 'to_detailed_status', type: 'text' }) toDetailedStatus!: DetailedStatus;
}
