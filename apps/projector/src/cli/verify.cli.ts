import 'reflect-metadata';
import { PostgresEventStore, type StreamChainReport } from '@switchboard/event-store';
import { loadConfig, resolveDatabase, stderrLog } from '@switchboard/platform';
import { auditChains, formatChainAudit, isIntact } from './audit-chains';

/**
 * `npm run verify -- [streamId ...]`: recomputes the hash chain of the named streams (every
 * stream when none is named) and names the first broken link of each. Exit code 0 when every
 * chain is intact, 1 when one is broken or a named stream does not exist, 2 when it could not run.
 */
async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log('usage: npm run verify -- [--quiet] [--tips] [streamId ...]   (e.g. dialog-<uuid>; all streams when none is named)');
    console.log("  --tips  also print each intact stream's last revision and hash, to anchor outside the database");
    return 0;
  }
  const flags = ['--quiet', '--tips'];
  const quiet = process.argv.includes('--quiet');
  const tips = process.argv.includes('--tips');
  const streamIds = process.argv.slice(2).filter((a) => !flags.includes(a));
  const database = await resolveDatabase(loadConfig(), stderrLog);
  const store = new PostgresEventStore({ connectionString: database.url });
  try {
    const onStream = (r: StreamChainReport) => {
      if (r.broken === null) console.log(`TIP ${r.streamId} ${r.lastRevision ?? '-'} ${r.lastHash ?? '-'}`);
    };
    const summary = await auditChains(store, database.url, streamIds, { quiet, onStream: tips ? onStream : undefined });
    for (const line of formatChainAudit(summary)) console.log(line);
    return isIntact(summary) ? 0 : 1;
  } finally {
    await store.close();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
