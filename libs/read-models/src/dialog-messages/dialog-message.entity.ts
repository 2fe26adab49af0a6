import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Attachment } from '@switchboard/dialogs';

/**
 * A message or note of a dialog, for queries. Ordered by `position` within a dialog; the
 * unmapped `search` vector answers `search @@ websearch_to_tsquery('simple', :text)`.
 */
@Entity({ schema: 'read_models', name: 'dialog_messages' })
export class DialogMessageEntry {
  @PrimaryColumn({ name: 'dialog_id', type: 'text' }) dialogId!: string;
  // Log position as text: positions may pass 2^53.
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  // The message's or the note's own id.
  @Column({ name: 'item_id', type: 'text' }) itemId!: string;
  @Column({ type: 'text' }) kind!: 'message' | 'note';
  @Column({ name: 'author_kind', type: 'text' }) authorKind!: 'client' | 'bot' | 'operator';
  @Column({ name: 'author_id', type: 'text' }) authorId!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'jsonb' }) attachments!: Attachment[];
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
}
