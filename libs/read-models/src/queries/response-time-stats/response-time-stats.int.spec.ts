import { ResponseTimeStatsHandler } from './response-time-stats.handler';
import { insertResponseInterval, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

/**
 * Seven intervals with numbers worked out by hand. percentile_cont interpolates: p90 of n sorted
 * values sits at index 0.9 * (n - 1); means, medians and p90s are rounded to whole milliseconds.
 */
describe('response time stats', () => {
  let t: QueryTestDatabase;
  let handler: ResponseTimeStatsHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new ResponseTimeStatsHandler(t.db);
    const intervals = [
      { operatorId: 'op-a', lineId: 'support', endedAt: '2024-03-01T10:00:00Z', durationMs: 1000, businessDurationMs: 0 },
      { operatorId: 'op-a', lineId: 'support', endedAt: '2024-03-01T11:00:00Z', durationMs: 2000, businessDurationMs: 1000 },
      { operatorId: 'op-b', lineId: 'sales', endedAt: '2024-03-01T12:00:00Z', durationMs: 500 },
      { operatorId: 'op-b', lineId: 'sales', endedAt: '2024-03-01T13:00:00Z', durationMs: 1500 },
      { operatorId: 'op-b', lineId: null, endedAt: '2024-03-01T23:59:59Z', durationMs: 2501 },
      { operatorId: 'op-a', lineId: 'support', endedAt: '2024-03-02T00:00:00Z', durationMs: 3000 },
      { operatorId: 'op-a', lineId: 'support', endedAt: '2024-03-02T05:00:00Z', durationMs: 10000, businessDurationMs: 4000 },
    ];
    for (const [index, interval] of intervals.entries()) await insertResponseInterval(t.pool, { position: index + 1, ...interval });
  });
  afterAll(() => t.close());

  // 1000, 2000, 3000, 10000: p90 at 2.7 = 3000 + 0.7 * 7000.
  const opA = { count: 4, meanMs: 4000, medianMs: 2500, p90Ms: 7900, maxMs: 10000 };
  // 500, 1500, 2501: mean 1500.33; p90 at 1.8 = 1500 + 0.8 * 1001 = 2300.8.
  const opB = { count: 3, meanMs: 1500, medianMs: 1500, p90Ms: 2301, maxMs: 2501 };
  // 500, 1000, 1500, 2000, 2501, 3000, 10000: mean 2928.71; p90 at 5.4 = 3000 + 0.4 * 7000.
  const all = { count: 7, meanMs: 2929, medianMs: 2000, p90Ms: 5800, maxMs: 10000 };

  it('aggregates per operator, with the total', async () => {
    expect(await handler.execute({ groupBy: 'operator', credit: 'responder' })).toEqual({
      groupBy: 'operator',
      credit: 'responder',
      clock: 'calendar',
      groups: [
        { key: 'op-a', ...opA },
        { key: 'op-b', ...opB },
      ],
      total: all,
    });
  });

  it('aggregates per line, intervals without a line last', async () => {
    expect((await handler.execute({ groupBy: 'line' })).groups).toEqual([
      // 500, 1500: p90 at 0.9 = 500 + 0.9 * 1000.
      { key: 'sales', count: 2, meanMs: 1000, medianMs: 1000, p90Ms: 1400, maxMs: 1500 },
      { key: 'support', ...opA },
      { key: null, count: 1, meanMs: 2501, medianMs: 2501, p90Ms: 2501, maxMs: 2501 },
    ]);
  });

  it('aggregates per UTC day of the end of the interval', async () => {
    expect((await handler.execute({ groupBy: 'day' })).groups).toEqual([
      // 500, 1000, 1500, 2000, 2501: mean 1500.2; p90 at 3.6 = 2000 + 0.6 * 501 = 2300.6.
      { key: '2024-03-01', count: 5, meanMs: 1500, medianMs: 1500, p90Ms: 2301, maxMs: 2501 },
      // 3000, 10000: p90 at 0.9 = 3000 + 0.9 * 7000.
      { key: '2024-03-02', count: 2, meanMs: 6500, medianMs: 6500, p90Ms: 9300, maxMs: 10000 },
    ]);
  });

  it('keeps the intervals that ended in the half-open range, of the operators and lines asked for', async () => {
    const secondDay = await handler.execute({ groupBy: 'day', ended: { from: new Date('2024-03-02T00:00:00Z') } });
    expect(secondDay.groups.map((group) => group.key)).toEqual(['2024-03-02']);
    const firstDay = await handler.execute({ groupBy: 'operator', ended: { to: new Date('2024-03-02T00:00:00Z') } });
    expect(firstDay.total).toMatchObject({ count: 5 });
    expect(await handler.execute({ groupBy: 'operator', operatorIds: ['op-b'] })).toMatchObject({ groups: [{ key: 'op-b', ...opB }], total: opB });
    expect((await handler.execute({ groupBy: 'operator', lineIds: ['sales'] })).total).toMatchObject({ count: 2, maxMs: 1500 });
  });

  it('aggregates the business-hours durations with clock=business, the calendar ones by default', async () => {
    // Business: op-a 0, 1000, 3000, 4000 (p90 at 2.7 = 3000 + 0.7 * 1000); op-b as calendar.
    const opABusiness = { count: 4, meanMs: 2000, medianMs: 2000, p90Ms: 3700, maxMs: 4000 };
    expect(await handler.execute({ groupBy: 'operator', clock: 'business' })).toEqual({
      groupBy: 'operator',
      credit: 'assignee',
      clock: 'business',
      // 0, 500, 1000, 1500, 2501, 3000, 4000: mean 1785.86; p90 at 5.4 = 3000 + 0.4 * 1000.
      groups: [
        { key: 'op-a', ...opABusiness },
        { key: 'op-b', ...opB },
      ],
      total: { count: 7, meanMs: 1786, medianMs: 1500, p90Ms: 3400, maxMs: 4000 },
    });
    expect(await handler.execute({ groupBy: 'operator', clock: 'calendar' })).toEqual(await handler.execute({ groupBy: 'operator' }));
  });

  it('answers no groups and no total when nothing matches', async () => {
    expect(await handler.execute({ groupBy: 'line', operatorIds: ['op-nobody'] })).toEqual({
      groupBy: 'line',
      credit: 'assignee',
      clock: 'calendar',
      groups: [],
      total: null,
    });
  });
});

describe('response time stats credited by history', () => {
  let t: QueryTestDatabase;
  let handler: ResponseTimeStatsHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new ResponseTimeStatsHandler(t.db);
    const endedAt = '2024-03-01T10:00:00Z';
    // A participant answers op-a's dialog; op-a answers their own; nobody held the third.
    // Business durations differ from the calendar ones, so a test can tell which was aggregated.
    const interval = { lineId: 'support', endedAt };
    await insertResponseInterval(t.pool, { position: 1, operatorId: 'op-b', assigneeId: 'op-a', ...interval, durationMs: 1000, businessDurationMs: 100 });
    await insertResponseInterval(t.pool, { position: 2, operatorId: 'op-a', assigneeId: 'op-a', ...interval, durationMs: 3000, businessDurationMs: 300 });
    await insertResponseInterval(t.pool, { position: 3, operatorId: 'op-c', assigneeId: null, ...interval, durationMs: 500, businessDurationMs: 50 });
  });
  afterAll(() => t.close());

  const one = (ms: number) => ({ count: 1, meanMs: ms, medianMs: ms, p90Ms: ms, maxMs: ms });

  it('credits the assignee by default, intervals nobody held under a null key', async () => {
    // 1000, 3000: p90 at 0.9 = 1000 + 0.9 * 2000.
    expect(await handler.execute({ groupBy: 'operator' })).toMatchObject({
      credit: 'assignee',
      groups: [
        { key: 'op-a', count: 2, meanMs: 2000, medianMs: 2000, p90Ms: 2800, maxMs: 3000 },
        { key: null, ...one(500) },
      ],
      total: { count: 3 },
    });
  });

  it('credits whoever answered with credit=responder', async () => {
    expect((await handler.execute({ groupBy: 'operator', credit: 'responder' })).groups).toEqual([
      { key: 'op-a', ...one(3000) },
      { key: 'op-b', ...one(1000) },
      { key: 'op-c', ...one(500) },
    ]);
  });

  it('filters operators by the same credit', async () => {
    expect((await handler.execute({ groupBy: 'line', operatorIds: ['op-a'] })).total).toMatchObject({ count: 2 });
    expect((await handler.execute({ groupBy: 'line', operatorIds: ['op-a'], credit: 'responder' })).total).toMatchObject({ count: 1, maxMs: 3000 });
  });

  it('combines the credit with the clock: the credit groups, the clock picks the duration', async () => {
    // Business 100, 300 for op-a by assignment: p90 at 0.9 = 100 + 0.9 * 200.
    expect(await handler.execute({ groupBy: 'operator', clock: 'business' })).toMatchObject({
      credit: 'assignee',
      clock: 'business',
      groups: [
        { key: 'op-a', count: 2, meanMs: 200, medianMs: 200, p90Ms: 280, maxMs: 300 },
        { key: null, ...one(50) },
      ],
    });
    expect((await handler.execute({ groupBy: 'operator', credit: 'responder', clock: 'business' })).groups).toEqual([
      { key: 'op-a', ...one(300) },
      { key: 'op-b', ...one(100) },
      { key: 'op-c', ...one(50) },
    ]);
  });
});
