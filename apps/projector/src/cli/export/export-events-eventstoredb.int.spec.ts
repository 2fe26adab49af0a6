import { copyFileSync, mkdtempSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDbEventStore, type RecordedEvent } from '@switchboard/event-store';
import { startEventStoreDbDouble } from '@switchboard/test-support/eventstoredb-double/eventstoredb-double';
import { writeHistory } from '@switchboard/test-support/history/write-history';
import { eventLine } from './export-events';
import { parseExportOptions } from './export-options';
import { runExport } from './run-export';

/** The events export reads through the port only, so the EventStoreDB adapter serves it alike. */
describe('npm run export -- events, on EventStoreDB (protocol double)', () => {
  const noReadModels = {
    query: async () => {
      throw new Error('the events export reads no read model');
    },
  };

  it('writes the whole log and resumes a cut file to the same bytes', async () => {
    const target = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore(target.connectionString);
    try {
      await writeHistory(store, { dialogs: 30, writers: 2 });
      const log: RecordedEvent[] = [];
      for (
        let batch = await store.readAll({ maxCount: 500 });
        batch.length > 0;
        batch = await store.readAll({ after: batch[batch.length - 1].position, maxCount: 500 })
      ) {
        log.push(...batch);
      }
      const dir = mkdtempSync(join(tmpdir(), 'export-esdb-'));
      const run = (argv: string[]) => runExport(parseExportOptions(argv), { store, db: noReadModels });
      await run(['events', '--category', 'dialog', '--batch-size', '50', '--out', join(dir, 'all.ndjson')]);
      const whole = readFileSync(join(dir, 'all.ndjson'), 'utf8');
      expect(whole).toBe(
        log
          .filter((e) => e.streamId.startsWith('dialog-'))
          .map(eventLine)
          .join(''),
      );

      copyFileSync(join(dir, 'all.ndjson'), join(dir, 'cut.ndjson'));
      copyFileSync(join(dir, 'all.ndjson.export.json'), join(dir, 'cut.ndjson.export.json'));
      truncateSync(join(dir, 'cut.ndjson'), Math.floor(Buffer.byteLength(whole) / 2));
      await run(['events', '--category', 'dialog', '--batch-size', '50', '--out', join(dir, 'cut.ndjson'), '--resume']);
      expect(readFileSync(join(dir, 'cut.ndjson'), 'utf8')).toBe(whole);
    } finally {
      await store.close();
      await target.stop();
    }
  });
});
