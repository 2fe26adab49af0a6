import type { Actor } from '@switchboard/dialogs';
import { decodePositionCursor } from '../shared/opaque-cursor';
import { GetDialogMessagesHandler } from './get-dialog-messages.handler';
import { d, insertDialogListDataset, insertMessage, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

describe('get dialog messages', () => {
  let t: QueryTestDatabase;
  let handler: GetDialogMessagesHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new GetDialogMessagesHandler(t.db);
    await insertDialogListDataset(t.pool);
    // Inserted out of order: the log position orders them.
    await insertMessage(t.pool, { dialogId: d.d2, position: 30, authorKind: 'operator', authorId: 'op-a', text: 'Refund sent' });
    await insertMessage(t.pool, { dialogId: d.d2, position: 10, text: 'Refund please' });
    await insertMessage(t.pool, { dialogId: d.d2, position: 20, kind: 'note', authorKind: 'operator', authorId: 'op-a', text: 'VIP' });
    await insertMessage(t.pool, { dialogId: d.d2, position: 40, text: 'Thanks' });
    await insertMessage(t.pool, { dialogId: d.d4, position: 15, text: 'Other dialog' });
  });
  afterAll(() => t.close());

  async function walk(viewer: Actor, dialogId: string, limit: number): Promise<string[]> {
    const texts: string[] = [];
    let afterPosition: string | undefined;
    for (;;) {
      const page = await handler.execute({ viewer, dialogId, limit, afterPosition });
      if (page === undefined) throw new Error('not visible');
      texts.push(...page.items.map((item) => (item.kind === 'system' ? item.action : item.text)));
      if (page.nextCursor === null) return texts;
      afterPosition = decodePositionCursor(page.nextCursor);
    }
  }

  it('answers messages and notes in log order, page by page', async () => {
    const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
    for (const limit of [1, 2, 3, 50]) expect(await walk(supervisor, d.d2, limit)).toEqual(['Refund please', 'VIP', 'Refund sent', 'Thanks']);
    const page = await handler.execute({ viewer: supervisor, dialogId: d.d2, limit: 50 });
    expect(page?.items[1]).toEqual({
      position: '20',
      eventId: expect.any(String),
      itemId: 'item-20',
      kind: 'note',
      author: { kind: 'operator', id: 'op-a' },
      text: 'VIP',
      attachments: [],
      occurredAt: new Date('2024-03-01T09:00:00Z'),
    });
  });

  it('hides notes from services, which read the public messages of any dialog', async () => {
    expect(await walk({ kind: 'service', id: 'telegram' }, d.d2, 2)).toEqual(['Refund please', 'Refund sent', 'Thanks']);
    expect(await walk({ kind: 'service', id: 'telegram' }, d.d4, 2)).toEqual(['Other dialog']);
  });

  it('answers nothing for a dialog the reader may not see, and an empty page for one without messages', async () => {
    const opA: Actor = { kind: 'operator', id: 'op-a' };
    expect(await handler.execute({ viewer: opA, dialogId: d.d4, limit: 10 })).toBeUndefined();
    expect(await handler.execute({ viewer: opA, dialogId: d.d1, limit: 10 })).toEqual({ items: [], nextCursor: null });
    expect(await handler.execute({ viewer: opA, dialogId: '00000000-0000-4000-8000-999999999999', limit: 10 })).toBeUndefined();
  });
});
