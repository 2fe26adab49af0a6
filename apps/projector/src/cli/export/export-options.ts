import { eventCategories, eventTypes } from '@switchboard/dialogs';
import { isInstantText } from '@switchboard/platform';

export const tableExportNames = ['dialogs', 'response-intervals', 'assignment-audit'] as const;
export type TableExportName = (typeof tableExportNames)[number];

/** What is exported: this, and only this, must match when an export is resumed. */
export type EventsSelection = Readonly<{
  what: 'events';
  /** Both inclusive. */
  fromPosition?: string;
  toPosition?: string;
  /** On the event's occurredAt: `since` included, `until` not. */
  since?: string;
  until?: string;
  types?: readonly string[];
  categories?: readonly string[];
}>;

export type TableSelection = Readonly<{
  what: TableExportName;
  since?: string;
  until?: string;
  timeColumn?: string;
}>;

export type ExportSelection = EventsSelection | TableSelection;

export type ExportOptions = Readonly<{
  selection: ExportSelection;
  out?: string;
  resume: boolean;
  batchSize: number;
}>;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `usage: npm run export -- <what> [options]
  events              NDJSON, one event a line, in log order
    --from-position N   --to-position N     positions, both included (--to-position defaults to the head at start)
    --types A,B         --category C,D      event types, stream categories (${eventCategories.join(', ')})
  dialogs | response-intervals | assignment-audit     CSV with a header row
    --time-column C     dialogs: created_at (default), last_changed_at or closed_at
  all of them
    --since T  --until T    ISO 8601 instant or UTC date; since included, until not
                            (events: the event's occurredAt; dialogs: --time-column;
                             response-intervals: ended_at; assignment-audit: occurred_at)
    --out FILE              write to FILE (default: stdout)
    --resume                continue an interrupted export into FILE after its last complete record
    --batch-size N          events or rows per read (default 1000)`;

const VALUE_FLAGS = ['--from-position', '--to-position', '--since', '--until', '--types', '--category', '--time-column', '--out', '--batch-size'];
const EVENT_FLAGS = ['--from-position', '--to-position', '--types', '--category'];

/** Parses `<what> [options]`; throws UsageError naming the wrong argument. */
export function parseExportOptions(argv: readonly string[]): ExportOptions {
  const [what, ...rest] = argv;
  if (what === undefined) throw new UsageError('name what to export: events, dialogs, response-intervals or assignment-audit');
  const flags = new Map<string, string>();
  let resume = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--resume') resume = true;
    else if (VALUE_FLAGS.includes(flag)) {
      const value = rest[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      if (flags.has(flag)) throw new UsageError(`${flag} is given twice`);
      flags.set(flag, value);
    } else throw new UsageError(`unknown option ${flag}`);
  }
  const since = instant(flags, '--since');
  const until = instant(flags, '--until');
  if (since !== undefined && until !== undefined && Date.parse(until) < Date.parse(since)) throw new UsageError('--until must not be before --since');
  const out = flags.get('--out');
  if (resume && out === undefined) throw new UsageError('--resume needs --out: stdout cannot be continued');
  const common = { out, resume, batchSize: batchSize(flags.get('--batch-size')) };

  if (what === 'events') {
    if (flags.has('--time-column')) throw new UsageError('--time-column is for table exports; events filter on occurredAt');
    const fromPosition = position(flags, '--from-position');
    const toPosition = position(flags, '--to-position');
    if (fromPosition !== undefined && toPosition !== undefined && BigInt(toPosition) < BigInt(fromPosition)) {
      throw new UsageError('--to-position must not be below --from-position');
    }
    const selection: EventsSelection = {
      what,
      fromPosition,
      toPosition,
      since,
      until,
      types: list(flags, '--types', eventTypes),
      categories: list(flags, '--category', eventCategories),
    };
    return { selection, ...common };
  }
  if (!(tableExportNames as readonly string[]).includes(what)) {
    throw new UsageError(`cannot export "${what}": choose events, ${tableExportNames.join(', ')}`);
  }
  const eventFlag = EVENT_FLAGS.find((flag) => flags.has(flag));
  if (eventFlag !== undefined) throw new UsageError(`${eventFlag} is for events only`);
  return { selection: { what: what as TableExportName, since, until, timeColumn: flags.get('--time-column') }, ...common };
}

function instant(flags: Map<string, string>, flag: string): string | undefined {
  const value = flags.get(flag);
  if (value === undefined) return undefined;
  if (!isInstantText(value))
    throw new UsageError(`${flag} must be an ISO 8601 date-time with an offset (2024-03-01T09:00:00Z) or a date (2024-03-01), got "${value}"`);
  return new Date(value).toISOString();
}

function position(flags: Map<string, string>, flag: string): string | undefined {
  const value = flags.get(flag);
  if (value === undefined) return undefined;
  if (!/^\d{1,19}$/.test(value) || BigInt(value) > 9_223_372_036_854_775_807n)
    throw new UsageError(`${flag} must be a log position (a whole number), got "${value}"`);
  return BigInt(value).toString();
}

/** A comma list of names the catalogue knows: a typo would otherwise export nothing, silently. */
function list(flags: Map<string, string>, flag: string, known: readonly string[]): string[] | undefined {
  const value = flags.get(flag);
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new UsageError(`${flag} must be a comma list without empty items, got "${value}"`);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown ${unknown.join(', ')}; choose from ${known.join(', ')}`);
  return items;
}

function batchSize(value: string | undefined): number {
  if (value === undefined) return 1000;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100_000) throw new UsageError(`--batch-size must be a whole number from 1 to 100000, got "${value}"`);
  return n;
}
