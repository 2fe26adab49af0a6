import type { DialogEvent } from '@switchboard/dialogs';
import { iso } from '@switchboard/dialogs/testing';
import type { DialogFact } from '../facts/recorded-fact';

type DataOf<T extends DialogEvent['type']> = Omit<Extract<DialogEvent, { type: T }>['data'], 'dialogId' | 'occurredAt'>;

/**
 * Dialog facts as the projections receive them, for unit specs of the folds: positions are
 * given explicitly, so specs can replay, reorder and interleave them.
 */
export function fact<T extends DialogEvent['type']>(type: T, dialogId: string, position: number, minute: number, data: DataOf<T>): DialogFact {
  return {
    kind: 'dialog',
    dialogId,
    // TypeScript cannot relate a generic T's data to the union member it picks; DataOf<T> guarantees it.
    event: { type, data: { ...data, dialogId, occurredAt: iso(minute) } } as unknown as DialogEvent,
    eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    position: BigInt(position),
    actor: { kind: 'operator', id: 'op-1' },
    correlationId: `request-${position}`,
    causationId: `request-${position}`,
  };
}

export const opened = (dialogId: string, position: number, minute: number, lineId = 'sales'): DialogFact =>
  fact('DialogOpened', dialogId, position, minute, {
    direction: 'inbound',
    channel: 'telegram',
    lineId,
    client: { id: `client-of-${dialogId}`, name: `Client ${dialogId}` },
    pageUrl: null,
    formFilled: false,
    historyRequested: false,
    previousDialogId: null,
  });

export const clientWrote = (dialogId: string, position: number, minute: number, text = 'hello'): DialogFact =>
  fact('MessageSent', dialogId, position, minute, {
    messageId: `m-${position}`,
    author: { kind: 'client', id: `client-of-${dialogId}` },
    text,
    attachments: [],
  });

export const operatorWrote = (dialogId: string, position: number, minute: number, operatorId = 'op-1'): DialogFact =>
  fact('MessageSent', dialogId, position, minute, {
    messageId: `m-${position}`,
    author: { kind: 'operator', id: operatorId },
    text: 'answer',
    attachments: [],
  });

export const transferred = (dialogId: string, position: number, minute: number, fromLineId: string, toLineId: string): DialogFact =>
  fact('DialogTransferredToLine', dialogId, position, minute, { fromLineId, toLineId });

export const deleted = (dialogId: string, position: number, minute: number): DialogFact =>
  fact('DialogDeleted', dialogId, position, minute, { deletedBy: 'admin-1', reason: 'test dialog' });
