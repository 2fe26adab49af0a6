import type { Actor } from '@switchboard/dialogs';
import { decodeDialogListCursor } from './dialog-list-cursor';
import { dialogListSortKeys, type DialogListSortKey } from './dialog-list-sort';
import { ListDialogsHandler } from './list-dialogs.handler';
import type { DialogListFilters } from './list-dialogs.query';
import type { SortOrder } from '../shared/sort-order';
import { allDialogs, d, insertDialogListDataset, type QueryTestDatabase, startQueryTestDatabase, visibleToOpA } from '@switchboard/read-models/testing';

const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
const opA: Actor = { kind: 'operator', id: 'op-a' };
const at = (time: string) => new Date(`2024-03-01T${time}:00Z`);

describe('list dialogs', () => {
  let t: QueryTestDatabase;
  let handler: ListDialogsHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new ListDialogsHandler(t.db);
    await insertDialogListDataset(t.pool);
  });
  afterAll(() => t.close());

  const ids = async (filters: DialogListFilters, viewer: Actor = supervisor, sort: DialogListSortKey = 'number', order: SortOrder = 'asc') =>
    (await handler.execute({ viewer, filters, sort, order, limit: 200 })).items.map((item) => item.dialogId);

  /** Every page of the walk, with the cursor each page handed on. */
  async function walk(viewer: Actor, sort: DialogListSortKey, order: SortOrder, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const result = await handler.execute({ viewer, filters: {}, sort, order, limit, cursor: cursor === null ? undefined : decodeDialogListCursor(cursor) });
      seen.push(...result.items.map((item) => item.dialogId));
      expect(result.items.length).toBeLessThanOrEqual(limit);
      if (result.nextCursor === null) return seen;
      cursor = result.nextCursor;
    }
    throw new Error('the walk did not end');
  }

  it('answers every column of a dialog in camelCase', async () => {
    const { items } = await handler.execute({ viewer: supervisor, filters: { tags: ['vip', 'delivery'] }, sort: 'number', order: 'asc', limit: 10 });
    expect(items).toEqual([
      expect.objectContaining({
        dialogId: d.d2,
        number: 102,
        lineId: 'support',
        channel: 'email',
        generalStatus: 'operator_answered',
        detailedStatus: 'operator_answered',
        journalStatus: 'active',
        isSpam: false,
        assigneeId: 'op-a',
        clientName: 'Ann Smith',
        participants: [],
        tags: ['vip', 'delivery'],
        crmLink: { kind: 'order', id: 'o-1', url: null },
        firstOperatorReplyAt: at('09:12'),
        waitForFirstReplyMs: 120_000,
        waitForFirstReplyBusinessMs: 0,
        responseCount: 0,
        lastPosition: '1',
        closedAt: null,
      }),
    ]);
  });

  it('filters by general and detailed status, operator, channel, line and tags', async () => {
    expect(await ids({ generalStatuses: ['client_waiting'] })).toEqual([d.d1, d.d3, d.d6, d.d7]);
    expect(await ids({ generalStatuses: ['closed', 'operator_answered'] })).toEqual([d.d2, d.d4, d.d5]);
    expect(await ids({ detailedStatuses: ['new', 'queued'] })).toEqual([d.d1, d.d7]);
    expect(await ids({ operatorIds: ['op-b'] })).toEqual([d.d3, d.d4]);
    expect(await ids({ channels: ['email'] })).toEqual([d.d2, d.d7]);
    expect(await ids({ lineIds: ['sales'] })).toEqual([d.d3, d.d4]);
    expect(await ids({ tags: ['vip'] })).toEqual([d.d2, d.d3]);
    expect(await ids({ tags: ['vip', 'delivery'] })).toEqual([d.d2]);
    expect(await ids({ lineIds: ['support'], unanswered: true })).toEqual([d.d1, d.d6, d.d7]);
  });

  it('filters by the flags, both ways', async () => {
    expect(await ids({ unassigned: true })).toEqual([d.d1, d.d5]);
    expect(await ids({ unassigned: false })).toEqual([d.d2, d.d3, d.d4, d.d6, d.d7]);
    expect(await ids({ unanswered: true })).toEqual([d.d1, d.d3, d.d6, d.d7]);
    expect(await ids({ unanswered: false })).toEqual([d.d2, d.d4, d.d5]);
    expect(await ids({ spam: true })).toEqual([d.d5]);
    expect(await ids({ spam: false })).toEqual([d.d1, d.d2, d.d3, d.d4, d.d6, d.d7]);
    expect(await ids({ assignedToMe: true }, opA)).toEqual([d.d2, d.d6]);
    expect(await ids({ assignedToMe: false }, opA)).toEqual([d.d1, d.d3, d.d5]);
    expect(await ids({ assignedToMe: true })).toEqual([]);
  });

  it('searches the words of client names and messages', async () => {
    expect(await ids({ text: 'Kim' })).toEqual([d.d1]);
    expect(await ids({ text: 'delivery' })).toEqual([d.d4]);
    expect(await ids({ text: 'REFUND ann' })).toEqual([d.d2]);
    expect(await ids({ text: 'kim refund' })).toEqual([]);
    expect(await ids({ text: '!!!' })).toEqual([]);
  });

  it('filters by half-open date ranges, leaving out dialogs without the date', async () => {
    expect(await ids({ created: { from: at('09:10'), to: at('09:30') } })).toEqual([d.d2, d.d3]);
    expect(await ids({ lastChanged: { from: at('09:30') } })).toEqual([d.d3, d.d4, d.d5]);
    expect(await ids({ lastChanged: { to: at('09:12') } })).toEqual([d.d1, d.d6]);
    expect(await ids({ closed: { from: at('09:50') } })).toEqual([d.d4]);
    expect(await ids({ closed: { to: at('09:50') } })).toEqual([d.d5]);
  });

  it('shows an operator their dialogs, those they take part in and the unassigned ones; everyone else all', async () => {
    expect(await ids({}, opA)).toEqual(visibleToOpA);
    expect(await ids({ operatorIds: ['op-b'] }, opA)).toEqual([d.d3]);
    for (const kind of ['supervisor', 'admin', 'auditor'] as const) expect(await ids({}, { kind, id: 'x' })).toEqual(allDialogs);
    expect(await ids({}, { kind: 'service', id: 'telegram' })).toEqual([]);
  });

  it('orders by newest activity first by default, nulls counting as the greatest value', async () => {
    expect(await ids({}, supervisor, 'lastChangedAt', 'desc')).toEqual([d.d7, d.d4, d.d5, d.d3, d.d2, d.d6, d.d1]);
    expect(await ids({}, supervisor, 'lastChangedAt', 'asc')).toEqual([d.d1, d.d6, d.d2, d.d3, d.d5, d.d4, d.d7]);
  });

  it('breaks ties by dialog id in the direction of the sort, and puts nulls last going up, first going down', async () => {
    expect(await ids({}, supervisor, 'waitForFirstReplyMs', 'asc')).toEqual([d.d6, d.d3, d.d4, d.d2, d.d1, d.d5, d.d7]);
    expect(await ids({}, supervisor, 'waitForFirstReplyMs', 'desc')).toEqual([d.d7, d.d5, d.d1, d.d2, d.d4, d.d3, d.d6]);
    expect(await ids({}, supervisor, 'clientName', 'asc')).toEqual([d.d2, d.d3, d.d7, d.d1, d.d5, d.d6, d.d4]);
    expect(await ids({}, supervisor, 'number', 'desc')).toEqual([...allDialogs].reverse());
  });

  it('sorts by a business-hours value on its own: a wait outside opening hours counts 0', async () => {
    // d2 waited 2 min after closing time (0 business ms), d3 waited 1 min within opening hours.
    expect(await ids({}, supervisor, 'waitForFirstReplyBusinessMs', 'asc')).toEqual([d.d2, d.d3, d.d1, d.d4, d.d5, d.d6, d.d7]);
    expect(await ids({}, supervisor, 'waitForFirstReplyMs', 'asc')).toEqual([d.d6, d.d3, d.d4, d.d2, d.d1, d.d5, d.d7]);
  });

  it.each(dialogListSortKeys)('walks every page of %s, both ways, without duplicates or gaps', async (sort) => {
    for (const order of ['asc', 'desc'] as const) {
      for (const [viewer, visible] of [
        [supervisor, allDialogs],
        [opA, visibleToOpA],
      ] as const) {
        const onePage = await ids({}, viewer, sort, order);
        for (const limit of [1, 2, 3]) expect(await walk(viewer, sort, order, limit)).toEqual(onePage);
        expect([...onePage].sort()).toEqual([...visible].sort());
      }
    }
  });

  it('answers no cursor on the last page, also when it is exactly full', async () => {
    const page = await handler.execute({ viewer: supervisor, filters: {}, sort: 'number', order: 'asc', limit: 7 });
    expect(page.items).toHaveLength(7);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor made for another order', async () => {
    const first = await handler.execute({ viewer: supervisor, filters: {}, sort: 'number', order: 'asc', limit: 1 });
    const cursor = decodeDialogListCursor(first.nextCursor ?? '');
    expect(cursor).toMatchObject({ sort: 'number', order: 'asc', value: '101', dialogId: d.d1 });
    await expect(handler.execute({ viewer: supervisor, filters: {}, sort: 'number', order: 'desc', limit: 1, cursor })).rejects.toThrow();
  });
});
