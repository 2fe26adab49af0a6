import type { JsonValue, RecordedEvent } from '../event-store.port';
import { open } from './field-cipher';
import { ERASED, PERSONAL_DATA_KEY, subjectRefOf, type PersonalDataCatalogue } from './personal-data.catalogue';
import { replacePersonalStrings, withValuesAt } from './personal-fields';
import type { SubjectKeys } from './subject-keys';

interface StoredSeal {
  subjectId: string;
  keyId: string;
  sealed: string;
}

/** What an event holds of personal data: a seal, or clear text of a subject known by id or by stream. */
type Held = { seal: StoredSeal } | { subjectId: string } | { stream: string };

/**
 * Opens the sealed personal fields of events read from the log, a batch at a time: one query for
 * the batch's keys, asked every time (a key destroyed a moment ago is absent from the answer, so
 * no process serves it after an erasure). A key that is gone, or a seal that does not open,
 * yields `[erased]` in every personal field. Events stored in clear text before sealing began are
 * masked the same way once their subject is erased. Readers see `personalData: { subjectId,
 * erased }` in the metadata instead of the sealed text.
 */
export class EventRevealer {
  constructor(
    private readonly catalogue: PersonalDataCatalogue,
    private readonly subjectKeys: SubjectKeys,
  ) {}

  async reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    // Each event is read once: what it holds decides the query it needs and how it is shown.
    const holds = events.map((event): Held | undefined => {
      const seal = sealOf(event);
      return seal === undefined ? this.clearRefOf(event) : { seal };
    });
    const keyIds = new Set<string>();
    const clearSubjects = new Set<string>();
    const clearStreams = new Set<string>();
    for (const held of holds) {
      if (held === undefined) continue;
      if ('seal' in held) keyIds.add(held.seal.keyId);
      else if ('subjectId' in held) clearSubjects.add(held.subjectId);
      else clearStreams.add(held.stream);
    }
    if (keyIds.size === 0 && clearSubjects.size === 0 && clearStreams.size === 0) return events;
    const [keys, erased] = await Promise.all([
      keyIds.size === 0 ? new Map<string, Buffer>() : this.subjectKeys.keysById([...keyIds]),
      clearSubjects.size === 0 && clearStreams.size === 0 ? undefined : this.subjectKeys.erasedAmong([...clearSubjects], [...clearStreams]),
    ]);
    return events.map((event, index) => {
      const held = holds[index];
      if (held === undefined) return event;
      if ('seal' in held) return this.opened(event, held.seal, keys.get(held.seal.keyId));
      const isErased = 'subjectId' in held ? erased?.subjects.has(held.subjectId) : erased?.streams.has(held.stream);
      return isErased === true ? this.erased(event, 'subjectId' in held ? held.subjectId : null) : event;
    });
  }

  private opened(event: RecordedEvent, stored: StoredSeal, key: Buffer | undefined): RecordedEvent {
    const plain = key === undefined ? undefined : open(key, stored.sealed, event.id);
    const values = plain === undefined ? undefined : (JSON.parse(plain) as Record<string, string>);
    if (values === undefined) return this.erased(event, stored.subjectId);
    return {
      ...event,
      data: withValuesAt(event.data, values),
      metadata: { ...event.metadata, [PERSONAL_DATA_KEY]: { subjectId: stored.subjectId, erased: false } },
    };
  }

  private erased(event: RecordedEvent, subjectId: string | null): RecordedEvent {
    const fields = this.catalogue[event.type]?.fields ?? [];
    return {
      ...event,
      data: replacePersonalStrings(event.data, fields, () => ERASED),
      metadata: { ...event.metadata, [PERSONAL_DATA_KEY]: { subjectId, erased: true } },
    };
  }

  private clearRefOf(event: RecordedEvent): ReturnType<typeof subjectRefOf> {
    // An event that says anything of its personal data was sealed, or was revealed already.
    if (event.metadata[PERSONAL_DATA_KEY] !== undefined) return undefined;
    const rule = this.catalogue[event.type];
    return rule === undefined ? undefined : subjectRefOf(rule, event.data);
  }
}

function sealOf(event: RecordedEvent): StoredSeal | undefined {
  const value: JsonValue | undefined = event.metadata[PERSONAL_DATA_KEY];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { subjectId, keyId, sealed } = value;
  return typeof subjectId === 'string' && typeof keyId === 'string' && typeof sealed === 'string' ? { subjectId, keyId, sealed } : undefined;
}
