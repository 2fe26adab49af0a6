import 'reflect-metadata';
import { Pool } from 'pg';
import { eventUpcasting, personalDataCatalogue } from '@switchboard/dialogs';
import { createEventStore, upcastOnRead, withPersonalData } from '@switchboard/event-store';
import { loadConfig, resolveDatabase, stderrLog } from '@switchboard/platform';
import { readDatabaseOf } from '@switchboard/read-models/queries';
import { countEvents } from '../count-events';
import { parseExportOptions, USAGE, UsageError } from './export-options';
import { runExport } from './run-export';

/**
 * `npm run export -- <what> [options]`: the log as NDJSON, or a read model as CSV, to a file or
 * stdout, resumable. Logs and the progress bar go to stderr, so stdout carries only the export.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.length === 0) {
    console.error(USAGE);
    return;
  }
  const options = parseExportOptions(argv);
  const config = loadConfig();
  const database = await resolveDatabase(config, stderrLog);
  // The export shows what every reader does: personal fields opened, or erased.
  const store = upcastOnRead(withPersonalData(createEventStore(config, database.url), database.url, personalDataCatalogue), eventUpcasting);
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const started = Date.now();
  try {
    const counts = await runExport(options, {
      store,
      db: readDatabaseOf(pool),
      countEvents: config.eventStore.kind === 'postgres' ? (filter, after, to) => countEvents(pool, filter, after, to) : undefined,
      progress: true,
    });
    const seconds = (Date.now() - started) / 1000;
    console.error(
      `${options.selection.what}: read ${counts.read}, wrote ${counts.written} in ${seconds.toFixed(1)} s` +
        `${options.out ? ` to ${options.out}` : ''}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
    );
  } finally {
    await Promise.allSettled([pool.end(), store.close()]);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
});
