import type { JsonObject, JsonValue } from '../event-store.port';

/**
 * A copy of `data` with every string at the personal paths replaced by what `replace` answers,
 * given its concrete place (`attachments.1.url`) and value. Pure: `data` is left as it was, and
 * comes back as is when no path holds a string.
 */
export function replacePersonalStrings(data: JsonObject, fields: readonly string[], replace: (place: string, value: string) => string): JsonObject {
  let copy: JsonObject | undefined;
  for (const field of fields) {
    for (const [place, value] of stringsAt(data, segmentsOf(field), '')) {
      copy ??= structuredClone(data);
      setAt(copy, place, replace(place, value));
    }
  }
  return copy ?? data;
}

/** A copy of `data` with the value at each concrete place set. */
export function withValuesAt(data: JsonObject, values: Readonly<Record<string, string>>): JsonObject {
  const copy = structuredClone(data);
  for (const [place, value] of Object.entries(values)) setAt(copy, place, value);
  return copy;
}

const segmentsOf = (path: string): string[] => path.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part]));

function* stringsAt(value: JsonValue | undefined, segments: readonly string[], place: string): Generator<[string, string]> {
  if (segments.length === 0) {
    if (typeof value === 'string') yield [place, value];
    return;
  }
  const [head, ...rest] = segments;
  if (head === '[]') {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index++) yield* stringsAt(value[index], rest, join(place, String(index)));
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  yield* stringsAt(value[head], rest, join(place, head));
}

const join = (place: string, key: string): string => (place === '' ? key : `${place}.${key}`);

/** Sets an existing place; a place the data does not have is left out (it was never personal text). */
function setAt(data: JsonObject, place: string, text: string): void {
  const keys = place.split('.');
  let parent: JsonValue = data;
  for (const key of keys.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = Array.isArray(parent) ? parent[Number(key)] : parent[key];
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(parent)) parent[Number(last)] = text;
  else if (parent !== null && typeof parent === 'object' && last in parent) parent[last] = text;
}
