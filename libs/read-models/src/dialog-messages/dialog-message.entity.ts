import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Attachment } from '@switchboard/dialogs';

/**
 * An item of a dialog's chat timeline, for queries: a message or a note (the item columns), or
 * a system entry (the action columns). Ordered by `position` within a dialog; the unmapped
 * `search` vector answers `search @@ websearch_to_tsquery('simple', :text)`.
 */
@Entity({ schema: 'read_models', name: 'dialog_messages' })
export class DialogMessageEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  // Log position as text: positions may pass 2^53.
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) kind!: 'message' | 'note' | 'system';
  // The message's or the note's own id.
  @Column({ name: 'item_id', type: 'text', nullable: true }) itemId!: string | null;
  @Column({ name: 'author_kind', type: 'text', nullable: true }) authorKind!: 'client' | 'bot' | 'operator' | null;
  @Column({ name: 'author_id', type: 'text', nullable: true }) authorId!: string | null;
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ type: 'jsonb', nullable: true }) attachments!: Attachment[] | null;
  @Column({ type: 'text', nullable: true }) action!: string | null;
  @Column({ name: 'actor_kind', type: 'text', nullable: true }) actorKind!: string | null;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId!: string | null;
  @Column({ name: 'operator_id', type: 'text', nullable: true }) operatorId!: string | null;
  @Column({ name: 'previous_operator_id', type: 'text', nullable: true }) previousOperatorId!: string | null;
  @Column({ name: 'from_line_id', type: 'text', nullable: true }) fromLineId!: string | null;
  @Column({ name: 'to_line_id', type: 'text', nullable: true }) toLineId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}
