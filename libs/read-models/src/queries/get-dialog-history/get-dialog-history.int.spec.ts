import type { Actor } from '@switchboard/dialogs';
import { decodePositionCursor } from '../shared/opaque-cursor';
import { GetDialogHistoryHandler } from './get-dialog-history.handler';
import { d, insertDialogListDataset, insertStatusChange, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

describe('get dialog history', () => {
  let t: QueryTestDatabase;
  let handler: GetDialogHistoryHandler;
  const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new GetDialogHistoryHandler(t.db);
    await insertDialogListDataset(t.pool);
    await insertStatusChange(t.pool, { dialogId: d.d6, position: 50, from: 'new', to: 'in_work', eventType: 'DialogTakenIntoWork' });
    await insertStatusChange(t.pool, { dialogId: d.d6, position: 5, from: null, to: 'new', eventType: 'DialogOpened' });
    await insertStatusChange(t.pool, { dialogId: d.d6, position: 70, from: 'in_work', to: 'operator_answered', general: 'operator_answered' });
  });
  afterAll(() => t.close());

  it('answers the status changes in log order, page by page', async () => {
    const first = await handler.execute({ viewer: supervisor, dialogId: d.d6, limit: 2 });
    expect(first?.items.map((item) => item.toDetailedStatus)).toEqual(['new', 'in_work']);
    expect(first?.items[0]).toEqual({
      position: '5',
      eventId: expect.any(String),
      eventType: 'DialogOpened',
      occurredAt: new Date('2024-03-01T09:00:00Z'),
      actor: { kind: 'operator', id: 'op-a' },
      fromGeneralStatus: null,
      toGeneralStatus: 'client_waiting',
      fromDetailedStatus: null,
      toDetailedStatus: 'new',
    });
    const second = await handler.execute({ viewer: supervisor, dialogId: d.d6, limit: 2, afterPosition: decodePositionCursor(first?.nextCursor ?? '') });
    expect(second).toEqual({ items: [expect.objectContaining({ position: '70', toGeneralStatus: 'operator_answered' })], nextCursor: null });
  });

  it('answers nothing for a dialog the reader may not see', async () => {
    expect(await handler.execute({ viewer: { kind: 'operator', id: 'op-b' }, dialogId: d.d6, limit: 10 })).toBeUndefined();
    expect(await handler.execute({ viewer: { kind: 'operator', id: 'op-a' }, dialogId: d.d6, limit: 10 })).toBeDefined();
  });
});
