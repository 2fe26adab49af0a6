import type { SavedReplyUsability } from '../saved-reply/saved-reply-use.policy';
import type { ExistingSavedReplyState } from '../saved-reply/saved-reply.state';
import {
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  foldEvents,
  iso,
  lineId,
  operatorActor,
  operatorAssignedAt,
  serviceActor,
  supervisorActor,
  usableSavedReply,
} from '@switchboard/dialogs/testing';
import type { Actor } from '../shared/actor';
import { dialogDecider } from './dialog.decider';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const savedReplyId = '7e57ab1e-0000-4000-8000-000000000001';
const history = [dialogOpened(0), operatorAssignedAt('op-1', 1)];
const reply = (actor: Actor = operatorActor('op-1'), author: 'operator' | 'client' = 'operator') =>
  dialogCommand('SendMessage', { messageId: 'm-1', author: { kind: author }, text: 'Hello Kim', savedReplyId }, { actor });
const sent = (operatorId = 'op-1'): DialogEvent => ({
  type: 'MessageSent',
  data: { dialogId, messageId: 'm-1', author: { kind: 'operator', id: operatorId }, text: 'Hello Kim', attachments: [], occurredAt: iso(10) },
});
const used = (operatorId = 'op-1'): DialogEvent => ({
  type: 'SavedReplyUsed',
  data: { dialogId, messageId: 'm-1', savedReplyId, operatorId, lineId, occurredAt: iso(10) },
});
const withReply = (reply: Partial<ExistingSavedReplyState>, lineDeleted = false): SavedReplyUsability => ({
  reply: { ...(usableSavedReply.reply as ExistingSavedReplyState), ...reply },
  lineDeleted,
});
const factsWith = (usability: SavedReplyUsability) => dialogFacts({}, {}, { [savedReplyId]: usability });

describe('an operator message naming the saved reply it used', () => {
  it('records the use beside the message, with who used it and in which line', () => {
    spec.given(history).when(reply()).then([sent(), used()]);
  });

  it("counts the author's own personal reply as usable, and a team reply for any supervisor", () => {
    spec
      .given(history)
      .when(reply(), factsWith(withReply({ scope: 'personal', ownerId: 'op-1' })))
      .then([sent(), used()]);
    spec
      .given(history)
      .when(reply(supervisorActor), dialogFacts({ 'sup-1': 'unknown' }))
      .then([{ type: 'ParticipantJoined', data: { dialogId, operatorId: 'sup-1', reason: 'replied', occurredAt: iso(10) } }, sent('sup-1'), used('sup-1')]);
  });

  it.each<[string, SavedReplyUsability, string]>([
    ['that does not exist', { reply: { exists: false }, lineDeleted: false }, 'not_found'],
    ["that is someone else's personal reply, as if it did not exist", withReply({ scope: 'personal', ownerId: 'op-2' }), 'not_found'],
    ['that was deleted', withReply({ deleted: true }), 'deleted'],
    ['for a line that was deleted', withReply({ content: { title: 'Hi', text: 'Hello', lineId: 'old' } }, true), 'line_deleted'],
  ])('refuses a reply %s, naming the field', (_case, usability, reason) => {
    const act = () => dialogDecider.decide(reply(), foldEvents(dialogDecider, history), factsWith(usability));
    expect(act).toThrow(
      expect.objectContaining({ code: 'saved_reply_not_usable', kind: 'invalid', details: expect.objectContaining({ field: 'savedReplyId', reason }) }),
    );
  });

  it('refuses it on a message that is not an operator’s', () => {
    spec.given(history).when(reply(serviceActor, 'client')).thenFails({ code: 'saved_reply_for_operators', kind: 'invalid' });
  });

  it('records nothing again for a retried post', () => {
    spec
      .given([...history, sent(), used()])
      .when(reply())
      .thenNothing();
  });
});
