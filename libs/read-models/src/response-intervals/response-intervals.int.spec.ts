import {
  allProjections,
  catchUp,
  dialogs,
  isoAt,
  type ReadModelsTestKit,
  startTestKit,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

describe('response intervals', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 2);
  });
  afterAll(() => kit.close());

  it('keeps one row per closed interval, credited to the answering operator and the line of the moment', async () => {
    const { rows } = await kit.pool.query(
      `SELECT dialog_id, operator_id, line_id, started_at, ended_at, duration_ms, to_char(day, 'YYYY-MM-DD') AS day
         FROM read_models.response_intervals ORDER BY ended_at`,
    );
    const interval = (from: number, to: number, lineId: string) => ({
      dialog_id: dialogs.refund,
      operator_id: 'op-ann',
      line_id: lineId,
      started_at: new Date(isoAt(from)),
      ended_at: new Date(isoAt(to)),
      duration_ms: String((to - from) * 60_000),
      day: '2024-03-01',
    });
    // The busy dialog's client still waits: an open interval is no row.
    expect(rows).toEqual([interval(2, 5, 'sales'), interval(6, 14, 'support'), interval(21, 23, 'support')]);
  });

  it('links each interval to the operator message that closed it', async () => {
    const { rows } = await kit.pool.query(
      `SELECT m.item_id FROM read_models.response_intervals i
         JOIN read_models.dialog_messages m USING (dialog_id, position) ORDER BY i.position`,
    );
    expect(rows.map((r) => r.item_id)).toEqual(['o1', 'o2', 'o3']);
  });

  it('aggregates per operator, line and day over a time range', async () => {
    const { rows } = await kit.pool.query(
      `SELECT operator_id, line_id, to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS count,
              max(duration_ms)::bigint AS max_ms,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS median_ms
         FROM read_models.response_intervals
        WHERE ended_at >= $1 AND ended_at < $2
        GROUP BY operator_id, line_id, day ORDER BY line_id`,
      [isoAt(0), isoAt(60)],
    );
    expect(rows).toEqual([
      { operator_id: 'op-ann', line_id: 'sales', day: '2024-03-01', count: 1, max_ms: String(3 * 60_000), median_ms: 3 * 60_000 },
      { operator_id: 'op-ann', line_id: 'support', day: '2024-03-01', count: 2, max_ms: String(8 * 60_000), median_ms: 5 * 60_000 },
    ]);
  });
});
