import { accessActionOf, authorizeCommand } from './command-access.policy';
import { dialogCommand, operatorActor, serviceActor } from '@switchboard/dialogs/testing';

describe('accessActionOf', () => {
  it.each([
    [{ kind: 'client' } as const, 'SendClientMessage'],
    [{ kind: 'bot', botId: 'greeter' } as const, 'SendBotMessage'],
    [{ kind: 'operator' } as const, 'SendOperatorMessage'],
  ])('splits a message by its author %p', (author, expected) => {
    expect(accessActionOf(dialogCommand('SendMessage', { messageId: 'm', author, text: 'x' }))).toBe(expected);
  });

  it('uses the command type for every other command', () => {
    expect(accessActionOf(dialogCommand('CloseDialog', {}))).toBe('CloseDialog');
  });
});

describe('authorizeCommand', () => {
  it('takes the actor from the command metadata', () => {
    const asClient = dialogCommand('SendMessage', { messageId: 'm', author: { kind: 'client' }, text: 'x' }, { actor: operatorActor('op-1') });
    expect(authorizeCommand(asClient, null).allowed).toBe(false);
    expect(authorizeCommand({ ...asClient, metadata: { ...asClient.metadata, actor: serviceActor } }, null).allowed).toBe(true);
  });
});
