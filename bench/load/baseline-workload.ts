import { randomUUID } from 'node:crypto';
import type { HttpClient } from './http-client';
import type { Window } from './phase';

/**
 * The conversations of workload.ts against the baseline server, in the same mix and order (an
 * open, two to five turns of a client and an operator message, sometimes a note or a
 * reassignment, a close), each an append to the conversation's own stream.
 */
export async function runBaselineConversations(http: HttpClient, window: Window): Promise<void> {
  while (window.running) {
    const path = `/streams/dialog-${randomUUID()}/events`;
    const append = async (kind: string, type: string, data: Record<string, unknown>): Promise<void> =>
      window.command(kind, await http.send('POST', path, '', { type, data: { ...data, occurredAt: new Date().toISOString() } }));
    await append('open', 'DialogOpened', { direction: 'inbound', channel: 'web', lineId: 'line-1', client: { id: 'client-1', name: 'Kim' } });
    const turns = 2 + Math.floor(Math.random() * 4);
    for (let turn = 0; turn < turns && window.running; turn++) {
      await append('client message', 'MessageSent', { messageId: randomUUID(), author: { kind: 'client' }, text: `Question ${turn}: where is my order?` });
      await append('operator message', 'MessageSent', {
        messageId: randomUUID(),
        author: { kind: 'operator', id: 'op-1' },
        text: `Answer ${turn}: let me check.`,
      });
      if (Math.random() < 0.15) await append('note', 'NoteAdded', { noteId: randomUUID(), text: 'Customer asked twice.' });
      if (Math.random() < 0.1) await append('assign', 'OperatorAssigned', { operatorId: 'op-2' });
    }
    await append('close', 'DialogClosed', {});
  }
}
