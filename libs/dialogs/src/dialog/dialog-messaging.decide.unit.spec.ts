import { dialogDecider } from './dialog.decider';
import {
  clientId,
  clientWrote,
  closedHistories,
  deciderSpec,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  foldEvents,
  iso,
  operatorActor,
  operatorAssignedAt,
  participantJoined,
  serviceActor,
} from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const active = { kind: 'operator' } as const;
const reply = (operatorId: string, messageId = 'm-1', minute = 10) =>
  dialogCommand('SendMessage', { messageId, author: active, text: 'How can I help?' }, { actor: operatorActor(operatorId), minute });
const sent = (operatorId: string, messageId = 'm-1', minute = 10): DialogEvent => ({
  type: 'MessageSent',
  data: {
    dialogId,
    messageId,
    author: { kind: 'operator', id: operatorId },
    text: 'How can I help?',
    attachments: [],
    occurredAt: iso(minute),
  },
});

describe('SendMessage', () => {
  it('records a client message with the dialog client as author', () => {
    spec
      .given([dialogOpened()])
      .when(
        dialogCommand(
          'SendMessage',
          {
            messageId: 'c-1',
            author: { kind: 'client' },
            text: '',
            attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 1200 }],
          },
          { actor: serviceActor },
        ),
      )
      .then([
        {
          type: 'MessageSent',
          data: {
            dialogId,
            messageId: 'c-1',
            author: { kind: 'client', id: clientId },
            text: '',
            attachments: [{ name: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 1200, url: null }],
            occurredAt: iso(10),
          },
        },
      ]);
  });

  it('records a bot message under the bot id', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('SendMessage', { messageId: 'b-1', author: { kind: 'bot', botId: 'greeter' }, text: 'Hi!' }))
      .then([
        {
          type: 'MessageSent',
          data: { dialogId, messageId: 'b-1', author: { kind: 'bot', id: 'greeter' }, text: 'Hi!', attachments: [], occurredAt: iso(10) },
        },
      ]);
  });

  it('assigns the first operator who replies to an unassigned dialog', () => {
    spec
      .given([dialogOpened(), clientWrote(1)])
      .when(reply('op-1'))
      .then([operatorAssignedAt('op-1', 10, 'first_reply'), sent('op-1')]);
  });

  it('records the assignee reply alone', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(reply('op-1'))
      .then([sent('op-1')]);
  });

  it('records a participant reply alone', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1), participantJoined('op-2', 2)])
      .when(reply('op-2'))
      .then([sent('op-2')]);
  });

  it('makes an operator replying to a colleague dialog a participant', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(reply('op-2'))
      .then([{ type: 'ParticipantJoined', data: { dialogId, operatorId: 'op-2', reason: 'replied', occurredAt: iso(10) } }, sent('op-2')]);
  });

  it('keeps both racing replies while assigning exactly one operator', () => {
    const history = [dialogOpened(), clientWrote(1)];
    const first = dialogDecider.decide(reply('op-1', 'm-1'), foldEvents(dialogDecider, history), dialogFacts());
    // op-2 decided on the same revision; its append loses, and the handler retries on the new state.
    const retried = dialogDecider.decide(reply('op-2', 'm-2', 11), foldEvents(dialogDecider, [...history, ...first]), dialogFacts());

    const all = [...history, ...first, ...retried];
    expect(all.filter((event) => event.type === 'OperatorAssigned')).toHaveLength(1);
    expect(all.filter((event) => event.type === 'MessageSent')).toHaveLength(3);
    expect(retried.map((event) => event.type)).toEqual(['ParticipantJoined', 'MessageSent']);
  });

  it('refuses a reply from a suspended operator', () => {
    spec
      .given([dialogOpened(), operatorAssignedAt('op-1', 1)])
      .when(dialogCommand('SendMessage', { messageId: 'm-1', author: { kind: 'operator' }, text: 'x' }), dialogFacts({ 'op-1': 'suspended' }))
      .thenFails({ code: 'operator_suspended', kind: 'conflict' });
  });

  it.each(['removed', 'unknown'] as const)('refuses a reply from a %s operator', (operatorStatus) => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('SendMessage', { messageId: 'm-1', author: { kind: 'operator' }, text: 'x' }), dialogFacts({ 'op-1': operatorStatus }))
      .thenFails({ code: 'operator_not_available', kind: 'conflict' });
  });

  describe.each(Object.entries(closedHistories))('on a %s dialog', (_status, history) => {
    it('refuses an operator reply', () => {
      spec.given(history).when(reply('op-1')).thenFails({ code: 'dialog_closed', kind: 'conflict' });
    });

    it('refuses a client message, which belongs in a follow-up dialog', () => {
      spec
        .given(history)
        .when(dialogCommand('SendMessage', { messageId: 'c-9', author: { kind: 'client' }, text: 'one more thing' }))
        .thenFails({ code: 'dialog_closed', kind: 'conflict' });
    });

    it('refuses a bot message', () => {
      spec
        .given(history)
        .when(dialogCommand('SendMessage', { messageId: 'b-9', author: { kind: 'bot', botId: 'greeter' }, text: 'Hi' }))
        .thenFails({ code: 'dialog_closed', kind: 'conflict' });
    });
  });

  it('ignores a retried message, even after the dialog closed and time moved on', () => {
    spec
      .given(closedHistories.closed)
      .when(dialogCommand('SendMessage', { messageId: 'c-1', author: { kind: 'client' }, text: 'hello' }, { minute: 1 }))
      .thenNothing();
  });

  it('refuses a message with neither text nor attachments', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('SendMessage', { messageId: 'c-1', author: { kind: 'client' }, text: '   ' }))
      .thenFails({ code: 'empty_message', kind: 'invalid' });
  });

  it.each([
    ['a blank name', { name: ' ', contentType: 'image/png', sizeBytes: 1 }],
    ['a negative size', { name: 'a.png', contentType: 'image/png', sizeBytes: -1 }],
    ['a fractional size', { name: 'a.png', contentType: 'image/png', sizeBytes: 1.5 }],
  ])('refuses an attachment with %s', (_case, attachment) => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('SendMessage', { messageId: 'c-1', author: { kind: 'client' }, text: 'see', attachments: [attachment] }))
      .thenFails({ code: 'invalid_attachment', kind: 'invalid' });
  });
});

describe('AddNote', () => {
  const note = (noteId = 'n-1', minute = 10) => dialogCommand('AddNote', { noteId, text: 'VIP client' }, { minute });
  const added = (noteId = 'n-1', minute = 10): DialogEvent => ({
    type: 'NoteAdded',
    data: { dialogId, noteId, operatorId: 'op-1', text: 'VIP client', occurredAt: iso(minute) },
  });

  it('records the note under the acting operator', () => {
    spec.given([dialogOpened()]).when(note()).then([added()]);
  });

  it.each(Object.entries(closedHistories))('is allowed on a %s dialog, for after-the-fact documentation', (_s, history) => {
    spec.given(history).when(note()).then([added()]);
  });

  it('ignores a retried note', () => {
    spec
      .given([dialogOpened(), added('n-1', 1), clientWrote(5)])
      .when(note('n-1', 1))
      .thenNothing();
  });

  it('refuses a blank note', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('AddNote', { noteId: 'n-1', text: '' }))
      .thenFails({ code: 'empty_note', kind: 'invalid' });
  });
});
