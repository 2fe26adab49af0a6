import type { Actor } from '@switchboard/dialogs';
import type { SupportScript } from './support-script';

const authors: readonly Actor[] = [
  { kind: 'admin', id: 'admin-1' },
  { kind: 'operator', id: 'op-alice' },
  { kind: 'supervisor', id: 'sup-1' },
  { kind: 'operator', id: 'op-bob' },
];

const bob: Actor = { kind: 'operator', id: 'op-bob' };
const dialogIds = [0, 1, 2, 3, 4].map((n) => `7e57ab1e-0000-4000-9000-${n.toString().padStart(12, '0')}`);

/**
 * Saved replies made, edited, deleted and used in operators' messages, enough of them (some
 * 350 events, and 150 uses) that a projection of them runs in many batches: team replies by
 * supervisors and admins, personal ones by operators.
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
  await useSavedReplies(script, replies);
}

/** Operators answer in a few dialogs with the replies still there: their own, or the team's. */
async function useSavedReplies(script: SupportScript, replies: number): Promise<void> {
  for (const dialogId of dialogIds) {
    await script.dialog(
      { type: 'OpenDialog', data: { dialogId, direction: 'inbound', channel: 'web', lineId: 'line-1', client: { id: `client-${dialogId}` } } },
      { actor: { kind: 'service', id: 'web' }, minute: 6000 },
    );
  }
  for (let i = 0; i < replies; i++) {
    if (i % 4 === 0) continue;
    const savedReplyId = `7e57ab1e-0000-4000-8000-${i.toString().padStart(12, '0')}`;
    const author = authors[i % authors.length];
    await script.dialog(
      {
        type: 'SendMessage',
        data: { dialogId: dialogIds[i % dialogIds.length], messageId: `use-${i}`, author: { kind: 'operator' }, text: `Text ${i}`, savedReplyId },
      },
      { actor: author.kind === 'operator' ? author : bob, minute: 6001 + i },
    );
  }
}
