import type { Actor } from '@switchboard/dialogs';
import type { SupportScript } from './support-script';

const authors: readonly Actor[] = [
  { kind: 'admin', id: 'admin-1' },
  { kind: 'operator', id: 'op-alice' },
  { kind: 'supervisor', id: 'sup-1' },
  { kind: 'operator', id: 'op-bob' },
];

/**
 * Saved replies made, edited and deleted, enough of them (some 350 events) that a projection of
 * them runs in many batches: team replies by supervisors and admins, personal ones by operators.
 */
export async function writeSavedReplyWorkload(script: SupportScript, replies = 200): Promise<void> {
  for (let i = 0; i < replies; i++) {
    const savedReplyId = `7e57ab1e-0000-4000-8000-${i.toString().padStart(12, '0')}`;
    const actor = authors[i % authors.length];
    const scope = actor.kind === 'operator' ? 'personal' : 'team';
    const lineId = i % 3 === 0 ? null : `line-${i % 3}`;
    const step = (minute: number) => ({ actor, minute: 5000 + i * 3 + minute });
    await script.savedReply({ type: 'CreateSavedReply', data: { savedReplyId, scope, title: `Reply ${i}`, text: `Text ${i}`, lineId } }, step(0));
    if (i % 2 === 0) {
      await script.savedReply({ type: 'EditSavedReply', data: { savedReplyId, title: `Reply ${i}`, text: `Text ${i}, edited`, lineId: null } }, step(1));
    }
    if (i % 4 === 0) await script.savedReply({ type: 'DeleteSavedReply', data: { savedReplyId } }, step(2));
  }
}
