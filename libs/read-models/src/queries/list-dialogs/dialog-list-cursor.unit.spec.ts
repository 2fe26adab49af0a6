import { decodeDialogListCursor, encodeDialogListCursor } from './dialog-list-cursor';

const id = '00000000-0000-4000-8000-000000000001';
const raw = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('dialog list cursor', () => {
  it('round-trips, null values included', () => {
    for (const value of ['2024-03-01 09:00:00.123456+00', null]) {
      const cursor = { sort: 'createdAt', order: 'desc', value, dialogId: id } as const;
      expect(decodeDialogListCursor(encodeDialogListCursor(cursor))).toEqual(cursor);
    }
  });

  it('refuses what this list did not make, before it reaches a cast', () => {
    const bad = [
      'not base64!',
      raw([1, 2]),
      raw({ s: 'search', o: 'asc', v: null, id }),
      raw({ s: 'number', o: 'sideways', v: '1', id }),
      raw({ s: 'number', o: 'asc', v: '1.5', id }),
      raw({ s: 'number', o: 'asc', v: 1, id }),
      raw({ s: 'responseCount', o: 'asc', v: '99999999999', id }),
      raw({ s: 'clientRating', o: 'asc', v: '40000', id }),
      raw({ s: 'createdAt', o: 'asc', v: '2024-02-30 09:00:00+00', id }),
      raw({ s: 'createdAt', o: 'asc', v: 'yesterday', id }),
      raw({ s: 'isSpam', o: 'asc', v: 'yes', id }),
      raw({ s: 'clientName', o: 'asc', v: 'a\u0000b', id }),
      raw({ s: 'number', o: 'asc', v: '1' }),
    ];
    for (const cursor of bad) expect(decodeDialogListCursor(cursor)).toBeUndefined();
  });
});
