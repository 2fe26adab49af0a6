import { GetDialogHandler } from './get-dialog.handler';
import { d, insertDialogListDataset, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

describe('get dialog', () => {
  let t: QueryTestDatabase;
  let handler: GetDialogHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new GetDialogHandler(t.db);
    await insertDialogListDataset(t.pool);
  });
  afterAll(() => t.close());

  it('answers the dialog as the list shows it', async () => {
    expect(await handler.execute({ viewer: { kind: 'auditor', id: 'aud-1' }, dialogId: d.d4 })).toMatchObject({
      dialogId: d.d4,
      number: 104,
      lineId: 'sales',
      detailedStatus: 'closed',
      clientName: null,
      clientRating: 5,
      closedAt: new Date('2024-03-01T10:00:00Z'),
      waitForFirstReplyMs: 60_000,
      tags: ['delivery'],
    });
  });

  it('answers nothing for a dialog that is not there, or that the reader may not see', async () => {
    const opA = { kind: 'operator', id: 'op-a' } as const;
    expect(await handler.execute({ viewer: opA, dialogId: d.d3 })).toMatchObject({ dialogId: d.d3 });
    expect(await handler.execute({ viewer: opA, dialogId: d.d5 })).toMatchObject({ dialogId: d.d5 });
    expect(await handler.execute({ viewer: opA, dialogId: d.d4 })).toBeUndefined();
    expect(await handler.execute({ viewer: { kind: 'service', id: 'telegram' }, dialogId: d.d1 })).toBeUndefined();
    expect(await handler.execute({ viewer: { kind: 'admin', id: 'admin-1' }, dialogId: '00000000-0000-4000-8000-999999999999' })).toBeUndefined();
  });
});
