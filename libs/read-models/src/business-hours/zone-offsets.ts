// A time zone's offsets from UTC, from the runtime's own IANA data (Intl), without a date
// library. Offsets are wall-clock time minus UTC, in ms.

export type OffsetPiece = Readonly<{ fromMs: number; toMs: number; offsetMs: number }>;

type Transition = Readonly<{ atMs: number; offsetMs: number }>;
type ZoneYear = Readonly<{ startOffsetMs: number; transitions: readonly Transition[] }>;

const SECOND = 1_000;
// Offsets are sampled this far apart and each change is searched to the second. Two changes
// within one sample that cancel out would go unseen; tzdata has none in living memory.
const SAMPLE_MS = 6 * 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const zoneYears = new Map<string, ZoneYear>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function offsetAt(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / SECOND) * SECOND;
  const fields: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour % 24, fields.minute, fields.second);
  return wall - whole;
}

/**
 * [fromMs, toMs) cut where the zone's offset changes, each piece with its offset: within a piece
 * the wall clock runs in step with UTC.
 */
export function offsetPieces(timeZone: string, fromMs: number, toMs: number): OffsetPiece[] {
  const pieces: OffsetPiece[] = [];
  let cursor = fromMs;
  let offsetMs = cachedOffsetAt(timeZone, fromMs);
  const lastYear = new Date(toMs).getUTCFullYear();
  for (let year = new Date(fromMs).getUTCFullYear(); year <= lastYear; year++) {
    for (const transition of zoneYearOf(timeZone, year).transitions) {
      if (transition.atMs <= cursor || transition.offsetMs === offsetMs) continue;
      if (transition.atMs >= toMs) break;
      pieces.push({ fromMs: cursor, toMs: transition.atMs, offsetMs });
      cursor = transition.atMs;
      offsetMs = transition.offsetMs;
    }
  }
  pieces.push({ fromMs: cursor, toMs, offsetMs });
  return pieces;
}

// From the year's known changes, so that a warm call asks Intl nothing.
function cachedOffsetAt(timeZone: string, ms: number): number {
  const { startOffsetMs, transitions } = zoneYearOf(timeZone, new Date(ms).getUTCFullYear());
  let offsetMs = startOffsetMs;
  for (const transition of transitions) {
    if (transition.atMs > ms) break;
    offsetMs = transition.offsetMs;
  }
  return offsetMs;
}

// Found once per zone and year, then kept: folds ask for the same few zones and years again
// and again. A change at the very end of the year is listed here, not under the next year.
function zoneYearOf(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}|${year}`;
  const known = zoneYears.get(key);
  if (known) return known;
  const end = Date.UTC(year + 1, 0, 1);
  const transitions: Transition[] = [];
  let before = Date.UTC(year, 0, 1);
  let offsetBefore = offsetAt(timeZone, before);
  const startOffsetMs = offsetBefore;
  while (before < end) {
    const after = Math.min(before + SAMPLE_MS, end);
    const offsetAfter = offsetAt(timeZone, after);
    if (offsetAfter !== offsetBefore) {
      const atMs = firstSecondWithNewOffset(timeZone, before, after, offsetBefore);
      transitions.push({ atMs, offsetMs: offsetAt(timeZone, atMs) });
    }
    before = after;
    offsetBefore = offsetAfter;
  }
  const zoneYear = { startOffsetMs, transitions };
  zoneYears.set(key, zoneYear);
  return zoneYear;
}

// `low` has the old offset, `high` another; halves to the first second that no longer has it.
function firstSecondWithNewOffset(timeZone: string, low: number, high: number, oldOffset: number): number {
  while (high - low > SECOND) {
    const middle = low + Math.floor((high - low) / (2 * SECOND)) * SECOND;
    if (offsetAt(timeZone, middle) === oldOffset) low = middle;
    else high = middle;
  }
  return high;
}
