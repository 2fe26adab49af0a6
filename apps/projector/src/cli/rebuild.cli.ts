import 'reflect-metadata';
import { eventUpcasting, personalDataCatalogue } from '@switchboard/dialogs';
import { PostgresEventStore, upcastOnRead, withPersonalData } from '@switchboard/event-store';
import { loadConfig, resolveDatabase, runMigrations, stderrLog } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { readModelNames, rebuildReadModels } from './rebuild-read-models';

/**
 * `npm run rebuild -- [read-model ...]`: rebuilds read models from the first event (all when
 * none is named) into a new generation each, while the live ones keep serving; a running
 * projector follows onto the new generation once it is switched to.
 */
async function main(): Promise<void> {
  const parallel = process.argv.includes('--parallel');
  const names = process.argv.slice(2).filter((a) => a !== 'all' && a !== '--parallel');
  if (process.argv.includes('--help')) {
    console.log(`usage: npm run rebuild -- [--parallel] [${readModelNames().join(' | ')} ...]`);
    return;
  }
  const database = await resolveDatabase(loadConfig(), stderrLog);
  // A rebuild reads what the live projector reads: an erased client's fields as erased.
  const store = upcastOnRead(withPersonalData(new PostgresEventStore({ connectionString: database.url }), database.url, personalDataCatalogue), eventUpcasting);
  try {
    await runMigrations(database.url, allMigrations);
    for (const s of await rebuildReadModels(store, database.url, names, { parallel, quiet: parallel })) {
      stderrLog.log(`${s.projection}: ${s.events} events in ${s.seconds.toFixed(1)} s (${Math.round(s.events / Math.max(s.seconds, 0.001))} ev/s)`);
    }
  } finally {
    await store.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
