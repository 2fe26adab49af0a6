import type { EventRow } from '@switchboard/event-store';
import { type ExportFixture, startExportFixture } from '@switchboard/projector/testing';
import { UsageError } from './export-options';

type LogRow = EventRow & { category: string };
type Line = { id: string; type: string; streamId: string; revision: string; position: string; data: unknown; metadata: unknown; recordedAt: string };

describe('npm run export -- events', () => {
  let t: ExportFixture;
  let log: LogRow[];
  const lines = (name: string): Line[] =>
    t
      .read(name)
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Line);
  const positions = (name: string) => lines(name).map((l) => l.position);
  const occurredAt = (row: LogRow) => Date.parse(String(row.metadata.occurredAt));

  beforeAll(async () => {
    t = await startExportFixture(60);
    log = (
      await t.pool.query<LogRow>(`SELECT position::text, event_id, stream_id, stream_revision::text, category, type, data, metadata, recorded_at
                                          FROM event_store.events ORDER BY position`)
    ).rows;
  });
  afterAll(() => t.close());

  it('writes every event of the log, in order, one JSON object a line, with all its fields', async () => {
    const counts = await t.export(['events', '--out', 'all.ndjson', '--batch-size', '97']);
    expect(log.length).toBeGreaterThan(500);
    expect(counts).toEqual({ read: log.length, written: log.length });
    expect(t.read('all.ndjson').endsWith('}\n')).toBe(true);
    expect(lines('all.ndjson')).toEqual(
      log.map((row) => ({
        id: row.event_id,
        type: row.type,
        streamId: row.stream_id,
        revision: row.stream_revision,
        position: row.position,
        data: row.data,
        metadata: row.metadata,
        recordedAt: row.recorded_at.toISOString(),
      })),
    );
  });

  it('filters by type, category and position range (both ends included)', async () => {
    await t.export(['events', '--types', 'OperatorAssigned,DialogClosed', '--out', 'types.ndjson']);
    expect(positions('types.ndjson')).toEqual(log.filter((r) => ['OperatorAssigned', 'DialogClosed'].includes(r.type)).map((r) => r.position));
    expect(new Set(lines('types.ndjson').map((l) => l.type))).toEqual(new Set(['OperatorAssigned', 'DialogClosed']));

    await t.export(['events', '--category', 'operator,line', '--out', 'categories.ndjson']);
    expect(positions('categories.ndjson')).toEqual(log.filter((r) => r.category !== 'dialog').map((r) => r.position));

    const [from, to] = [log[100].position, log[250].position];
    await t.export(['events', '--from-position', from, '--to-position', to, '--out', 'range.ndjson', '--batch-size', '40']);
    expect(positions('range.ndjson')).toEqual(log.slice(100, 251).map((r) => r.position));
  });

  it('filters by when the fact happened (occurredAt), since included and until not', async () => {
    const sorted = log.map(occurredAt).sort((a, b) => a - b);
    const since = new Date(sorted[Math.floor(sorted.length / 3)]).toISOString();
    const until = new Date(sorted[Math.floor((2 * sorted.length) / 3)]).toISOString();
    await t.export(['events', '--since', since, '--until', until, '--category', 'dialog', '--out', 'time.ndjson']);
    const expected = log.filter((r) => r.category === 'dialog' && occurredAt(r) >= Date.parse(since) && occurredAt(r) < Date.parse(until));
    expect(expected.length).toBeGreaterThan(100);
    expect(positions('time.ndjson')).toEqual(expected.map((r) => r.position));
  });

  it('refuses nonsense before it writes anything', async () => {
    await expect(t.export(['events', '--since', '2025-02-30'])).rejects.toThrow('--since must be an ISO 8601');
    await expect(t.export(['events', '--from-position', '10', '--to-position', '9'])).rejects.toThrow(UsageError);
    await expect(t.export(['events', '--resume'])).rejects.toThrow('--resume needs --out');
    await expect(t.export(['dialogs', '--types', 'X'])).rejects.toThrow('--types is for events only');
    // A typo would otherwise export nothing at all.
    await expect(t.export(['events', '--types', 'DialogOpened,DialogClosd'])).rejects.toThrow('--types: unknown DialogClosd; choose from');
    await expect(t.export(['events', '--category', 'dialogs'])).rejects.toThrow(
      /--category: unknown dialogs; choose from dialog, operator, line, savedreply, reminder, client/,
    );
    await expect(t.export(['dialogs', '--time-column', 'search', '--out', 'bad.csv'])).rejects.toThrow('created_at, last_changed_at, closed_at');
  });
});
