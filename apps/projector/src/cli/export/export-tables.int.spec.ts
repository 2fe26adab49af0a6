import { csvObjects } from '@switchboard/testing';
import { asCsvText, type ExportFixture, startExportFixture } from '@switchboard/projector/testing';

type Row = Record<string, unknown>;

describe('npm run export -- dialogs | response-intervals | assignment-audit', () => {
  let t: ExportFixture;
  const rows = async (sql: string, params: unknown[] = []) => (await t.pool.query<Row>(sql, params)).rows;
  /** Every exported column of every row equals the table's value, written as documented. */
  const expectSameRows = (csv: ReturnType<typeof csvObjects>, table: Row[]) => {
    expect(csv.rows.length).toBe(table.length);
    expect(csv.rows).toEqual(table.map((row) => Object.fromEntries(csv.header.map((name) => [name, asCsvText(row[name])]))));
  };

  beforeAll(async () => {
    t = await startExportFixture(120);
  });
  afterAll(() => t.close());

  it('dialogs: every row of the dialog list in number order, every column but the internals', async () => {
    await t.export(['dialogs', '--out', 'dialogs.csv', '--batch-size', '7']);
    const csv = csvObjects(t.read('dialogs.csv'));
    expect(csv.header).toEqual(expect.arrayContaining(['number', 'dialog_id', 'tags', 'crm_link', 'created_at', 'response_count']));
    for (const internal of ['summary', 'metrics', 'business', 'search', 'last_position']) expect(csv.header).not.toContain(internal);
    const table = await rows(`SELECT * FROM read_models.dialog_list ORDER BY number`);
    expect(table.length).toBe(120);
    expectSameRows(csv, table);
    // Arrays and json are JSON text; an empty array is [] and an absent value an empty field.
    expect(csv.rows.some((r) => r.tags !== '[]' && Array.isArray(JSON.parse(r.tags ?? 'null')))).toBe(true);
    expect(csv.rows.some((r) => r.review_score === null)).toBe(true);
  });

  it('dialogs: a time range on created_at (the default) or another time column', async () => {
    const [since, until] = ['2025-03-01', '2025-09-01T00:00:00Z'];
    await t.export(['dialogs', '--since', since, '--until', until, '--out', 'created.csv']);
    const created = await rows(`SELECT * FROM read_models.dialog_list WHERE created_at >= $1 AND created_at < $2 ORDER BY number`, [since, until]);
    expect(created.length).toBeGreaterThan(30);
    expect(created.length).toBeLessThan(100);
    expectSameRows(csvObjects(t.read('created.csv')), created);

    await t.export(['dialogs', '--time-column', 'closed_at', '--since', since, '--out', 'closed.csv']);
    const closed = await rows(`SELECT * FROM read_models.dialog_list WHERE closed_at >= $1 ORDER BY number`, [since]);
    expectSameRows(csvObjects(t.read('closed.csv')), closed);
  });

  it('response-intervals: every interval by end time then position, the day as a date', async () => {
    await t.export(['response-intervals', '--out', 'intervals.csv', '--batch-size', '13']);
    const table = await rows(`SELECT *, day::text AS day FROM read_models.response_intervals ORDER BY ended_at, position`);
    expect(table.length).toBeGreaterThan(100);
    const csv = csvObjects(t.read('intervals.csv'));
    expect(csv.header).toEqual([
      'ended_at',
      'position',
      'dialog_id',
      'event_id',
      'operator_id',
      'line_id',
      'started_at',
      'duration_ms',
      'assignee_id',
      'business_duration_ms',
      'day',
    ]);
    expectSameRows(csv, table);

    await t.export(['response-intervals', '--since', '2025-06-01', '--out', 'intervals-june.csv']);
    expectSameRows(
      csvObjects(t.read('intervals-june.csv')),
      table.filter((r) => (r.ended_at as Date) >= new Date('2025-06-01T00:00:00Z')),
    );
  });

  it('assignment-audit: the trail oldest first, actor split in kind and id', async () => {
    await t.export(['assignment-audit', '--out', 'audit.csv', '--batch-size', '11', '--until', '2025-10-01']);
    const table = await rows(
      `SELECT a.*, a.position::text AS position FROM read_models.assignment_audit a WHERE a.occurred_at < '2025-10-01' ORDER BY a.occurred_at, a.position`,
    );
    expect(table.length).toBeGreaterThan(50);
    const csv = csvObjects(t.read('audit.csv'));
    expect(csv.header).toEqual([
      'occurred_at',
      'position',
      'dialog_id',
      'event_type',
      'from_operator_id',
      'to_operator_id',
      'reason',
      'actor_kind',
      'actor_id',
      'correlation_id',
      'causation_id',
      'event_id',
    ]);
    expectSameRows(csv, table);
  });
});
