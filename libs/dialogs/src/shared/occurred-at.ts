import type { CommandMetadata } from './command';
import { commonErrors } from './common.errors';

// Events store time as ISO 8601 text so that every consumer, in any language, reads it alike.
export function occurredAtOf(command: { metadata: CommandMetadata }): string {
  const at = command.metadata.occurredAt;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw commonErrors.invalidOccurredAt();
  return at.toISOString();
}
