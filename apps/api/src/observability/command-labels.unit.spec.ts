import {
  ChangeDialogCommand,
  ConcurrencyConflictError,
  OpenDialogCommand,
  PreconditionFailedError,
  BulkChangeDialogsCommand,
} from '@switchboard/dialog-commands';
import { DomainError } from '@switchboard/dialogs';
import { EventStoreUnavailableError } from '@switchboard/event-store';
import type { RequestContext } from '@switchboard/dialog-commands';
import { commandOutcomeOf, commandTypeOf } from './command-labels';

const context: RequestContext = { actor: { kind: 'operator', id: 'op-1' }, correlationId: 'c' };

describe('command labels', () => {
  it('names the command by what was asked, never by an id', () => {
    expect(commandTypeOf(new ChangeDialogCommand({ type: 'TakeIntoWork', data: { dialogId: 'd-1' } }, context))).toBe('TakeIntoWork');
    expect(commandTypeOf(new BulkChangeDialogsCommand([{ type: 'CloseDialog', data: { dialogId: 'd-1' } }], context))).toBe('BulkCloseDialog');
    expect(commandTypeOf(new OpenDialogCommand({ direction: 'inbound', channel: 'web', lineId: 'l', client: { id: 'c' } }, context))).toBe('OpenDialog');
    expect(commandTypeOf({})).toBe('other');
  });

  it.each([
    [{ ok: true as const, result: { duplicate: false } }, 'ok'],
    [{ ok: true as const, result: { duplicate: true } }, 'duplicate'],
    [{ ok: false as const, error: new DomainError('dialog_closed', 'conflict', 'closed') }, 'domain_error'],
    [{ ok: false as const, error: new ConcurrencyConflictError('dialog-1', 8) }, 'conflict'],
    [{ ok: false as const, error: new PreconditionFailedError('dialog-1', 3n, 4n) }, 'precondition_failed'],
    [{ ok: false as const, error: new EventStoreUnavailableError('down') }, 'unavailable'],
    [{ ok: false as const, error: new TypeError('bug') }, 'error'],
  ])('classifies outcome %# as %s', (settled, outcome) => {
    expect(commandOutcomeOf(settled)).toBe(outcome);
  });
});
