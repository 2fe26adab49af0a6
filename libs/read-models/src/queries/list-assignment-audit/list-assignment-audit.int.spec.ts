import { decodeAssignmentAuditCursor } from './assignment-audit-cursor';
import { ListAssignmentAuditHandler } from './list-assignment-audit.handler';
import type { ListAssignmentAuditQuery } from './list-assignment-audit.query';
import type { SortOrder } from '../shared/sort-order';
import { dialogIdOf, insertAuditEntry, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

const at = (time: string) => `2024-03-01T${time}:00Z`;
const [d1, d2, d3] = [dialogIdOf(1), dialogIdOf(2), dialogIdOf(3)];

describe('list the assignment audit', () => {
  let t: QueryTestDatabase;
  let handler: ListAssignmentAuditHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new ListAssignmentAuditHandler(t.db);
    await insertAuditEntry(t.pool, { dialogId: d1, position: 10, to: 'op-a', occurredAt: at('09:00'), correlationId: 'c-1' });
    await insertAuditEntry(t.pool, {
      dialogId: d1,
      position: 20,
      from: 'op-a',
      to: 'op-b',
      reason: 'transfer',
      actorKind: 'operator',
      actorId: 'op-a',
      occurredAt: at('09:10'),
      correlationId: 'c-2',
    });
    await insertAuditEntry(t.pool, {
      dialogId: d2,
      position: 30,
      to: 'op-b',
      reason: 'routing',
      actorKind: 'system',
      actorId: 'routing',
      occurredAt: at('09:10'),
    });
    await insertAuditEntry(t.pool, {
      dialogId: d2,
      position: 40,
      from: 'op-b',
      to: null,
      reason: 'operator_removed',
      actorKind: 'system',
      actorId: 'operator-removal',
      occurredAt: at('09:20'),
    });
    await insertAuditEntry(t.pool, { dialogId: d3, position: 5, to: 'op-c', actorKind: 'admin', actorId: 'admin-1', occurredAt: at('08:00') });
  });
  afterAll(() => t.close());

  const positions = async (query: Partial<ListAssignmentAuditQuery>) =>
    (await handler.execute({ order: 'desc', limit: 100, ...query })).items.map((item) => item.position);

  async function walk(order: SortOrder, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await handler.execute({ order, limit, cursor: cursor === null ? undefined : decodeAssignmentAuditCursor(cursor) });
      seen.push(...page.items.map((item) => item.position));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  }

  it('answers who moved which dialog from whom to whom, why, when and on which request', async () => {
    const { items } = await handler.execute({ order: 'asc', limit: 100, dialogId: d1 });
    expect(items).toEqual([
      expect.objectContaining({ position: '10', fromOperatorId: null, toOperatorId: 'op-a', actor: { kind: 'supervisor', id: 'sup-1' } }),
      {
        dialogId: d1,
        position: '20',
        eventId: expect.any(String),
        eventType: 'OperatorAssigned',
        fromOperatorId: 'op-a',
        toOperatorId: 'op-b',
        reason: 'transfer',
        actor: { kind: 'operator', id: 'op-a' },
        occurredAt: new Date(at('09:10')),
        correlationId: 'c-2',
        causationId: 'c-2',
      },
    ]);
  });

  it('filters by dialog, operator (either side), actor, request and time', async () => {
    expect(await positions({ dialogId: d2 })).toEqual(['40', '30']);
    expect(await positions({ operatorId: 'op-b' })).toEqual(['40', '30', '20']);
    expect(await positions({ actorId: 'sup-1' })).toEqual(['10']);
    expect(await positions({ actorId: 'operator-removal' })).toEqual(['40']);
    expect(await positions({ correlationId: 'c-2' })).toEqual(['20']);
    expect(await positions({ occurred: { from: new Date(at('09:10')), to: new Date(at('09:20')) } })).toEqual(['30', '20']);
    expect(await positions({ dialogId: d1, operatorId: 'op-c' })).toEqual([]);
  });

  it('orders by time then position, and walks every page both ways', async () => {
    expect(await positions({})).toEqual(['40', '30', '20', '10', '5']);
    for (const limit of [1, 2, 4]) {
      expect(await walk('desc', limit)).toEqual(['40', '30', '20', '10', '5']);
      expect(await walk('asc', limit)).toEqual(['5', '10', '20', '30', '40']);
    }
  });
});
