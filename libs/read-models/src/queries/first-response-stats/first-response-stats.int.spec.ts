import { FirstResponseStatsHandler } from './first-response-stats.handler';
import { insertAssignmentResponse, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

const at = (time: string): string => `2024-03-${time}Z`;

/** Five periods, four answered, with the figures worked out by hand (percentile_cont). */
describe('first response stats', () => {
  let t: QueryTestDatabase;
  let handler: FirstResponseStatsHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new FirstResponseStatsHandler(t.db);
    const periods = [
      { operatorId: 'op-a', lineId: 'support', waitingAt: at('01T10:00:00'), respondedAt: at('01T10:00:01') },
      { operatorId: 'op-a', lineId: 'support', waitingAt: at('01T11:00:00'), respondedAt: at('01T11:00:03') },
      { operatorId: 'op-a', lineId: 'sales', waitingAt: at('02T09:00:00'), respondedAt: at('02T09:00:10') },
      { operatorId: 'op-b', lineId: null, waitingAt: at('01T12:00:00'), respondedAt: at('01T12:00:02') },
      // Never answered: counts in nothing.
      { operatorId: 'op-b', lineId: 'support', waitingAt: at('01T13:00:00'), respondedAt: null },
    ];
    for (const period of periods) await insertAssignmentResponse(t.pool, { assignedAt: period.waitingAt, ...period });
  });
  afterAll(() => t.close());

  const one = (ms: number) => ({ count: 1, meanMs: ms, medianMs: ms, p90Ms: ms, maxMs: ms });

  it('aggregates answered periods per assigned operator, with the total', async () => {
    // op-a: 1000, 3000, 10000: mean 4666.67, p90 at 1.8 = 3000 + 0.8 * 7000.
    // all: 1000, 2000, 3000, 10000: mean 4000, median 2500, p90 at 2.7 = 3000 + 0.7 * 7000.
    expect(await handler.execute({ groupBy: 'operator' })).toEqual({
      groupBy: 'operator',
      groups: [
        { key: 'op-a', count: 3, meanMs: 4667, medianMs: 3000, p90Ms: 8600, maxMs: 10000 },
        { key: 'op-b', ...one(2000) },
      ],
      total: { count: 4, meanMs: 4000, medianMs: 2500, p90Ms: 7900, maxMs: 10000 },
    });
  });

  it('aggregates per line (none last) and per UTC day of the first response', async () => {
    expect((await handler.execute({ groupBy: 'line' })).groups.map((g) => [g.key, g.count])).toEqual([
      ['sales', 1],
      ['support', 2],
      [null, 1],
    ]);
    expect((await handler.execute({ groupBy: 'day' })).groups.map((g) => [g.key, g.count, g.maxMs])).toEqual([
      ['2024-03-01', 3, 3000],
      ['2024-03-02', 1, 10000],
    ]);
  });

  it('keeps the periods answered in the half-open range, of the operators and lines asked for', async () => {
    const firstDay = await handler.execute({ groupBy: 'operator', responded: { to: new Date(at('02T00:00:00')) } });
    expect(firstDay.total).toMatchObject({ count: 3, maxMs: 3000 });
    expect((await handler.execute({ groupBy: 'line', operatorIds: ['op-b'] })).total).toEqual(one(2000));
    expect((await handler.execute({ groupBy: 'operator', lineIds: ['sales'] })).groups).toEqual([{ key: 'op-a', ...one(10000) }]);
    expect(await handler.execute({ groupBy: 'day', operatorIds: ['op-nobody'] })).toEqual({ groupBy: 'day', groups: [], total: null });
  });
});
