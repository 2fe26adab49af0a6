import type { EventStore, EventToAppend } from '../event-store.port';
import { seal } from './field-cipher';
import { PERSONAL_DATA_KEY, SEALED, subjectRefOf, type PersonalDataCatalogue } from './personal-data.catalogue';
import { replacePersonalStrings } from './personal-fields';
import type { SubjectKey, SubjectKeys } from './subject-keys';

/**
 * How long an appending process trusts a key it looked up. Another process's erasure reaches
 * this cache only when the entry expires (or this process erases): an event appended within that
 * window is sealed under the destroyed key and reads as erased, which errs towards forgetting.
 */
export const KEY_CACHE_MS = 5_000;

/**
 * Seals the personal fields of events being appended: their text moves, encrypted under the
 * subject's key, into the metadata (`personalData`), and the data keeps `[sealed]` in its place.
 * A command costs no round trip when its subject's key and stream are cached, one otherwise.
 */
export class EventSealer {
  private readonly keys = new Map<string, { key: SubjectKey; until: number }>();
  // Whose a stream is never changes once recorded.
  private readonly streamSubjects = new Map<string, string>();

  constructor(
    private readonly catalogue: PersonalDataCatalogue,
    private readonly subjectKeys: SubjectKeys,
    private readonly inner: EventStore,
    private readonly now: () => number = Date.now,
  ) {}

  async seal(streamId: string, events: readonly EventToAppend[]): Promise<EventToAppend[]> {
    const subjects = await this.subjectsOf(streamId, events);
    const out: EventToAppend[] = [];
    for (const [index, event] of events.entries()) {
      const subjectId = subjects[index];
      const rule = this.catalogue[event.type];
      if (subjectId === undefined || rule === undefined) {
        out.push(event);
        continue;
      }
      const { keyId, key } = await this.keyOf(subjectId, this.streamSubjects.get(streamId) === undefined ? [streamId] : []);
      this.streamSubjects.set(streamId, subjectId);
      const plain: Record<string, string> = {};
      const data = replacePersonalStrings(event.data, rule.fields, (place, value) => {
        plain[place] = value;
        return SEALED;
      });
      if (Object.keys(plain).length === 0) {
        out.push(event);
        continue;
      }
      const sealed = seal(key, JSON.stringify(plain), event.id);
      out.push({ ...event, data, metadata: { ...(event.metadata ?? {}), [PERSONAL_DATA_KEY]: { subjectId, keyId, sealed } } });
    }
    return out;
  }

  /** Forgets this process's copy of the subject's key (its erasure ran here). */
  forget(subjectId: string): void {
    this.keys.delete(subjectId);
  }

  /** Each event's subject (undefined when it holds no personal data), by stream where it says so. */
  private async subjectsOf(streamId: string, events: readonly EventToAppend[]): Promise<(string | undefined)[]> {
    const refs = events.map((event) => {
      const rule = this.catalogue[event.type];
      return rule === undefined ? undefined : subjectRefOf(rule, event.data);
    });
    // An event naming its subject makes its own stream that subject's, for the events after it.
    const named = new Map<string, string>();
    for (const ref of refs) if (ref !== undefined && 'subjectId' in ref) named.set(streamId, ref.subjectId);
    const unknown = [...new Set(refs.flatMap((ref) => (ref !== undefined && 'stream' in ref && !named.has(ref.stream) ? [ref.stream] : [])))].filter(
      (stream) => !this.streamSubjects.has(stream),
    );
    if (unknown.length > 0) await this.learnStreams(unknown);
    return refs.map((ref) => {
      if (ref === undefined) return undefined;
      if ('subjectId' in ref) return ref.subjectId;
      return named.get(ref.stream) ?? this.streamSubjects.get(ref.stream);
    });
  }

  /** Asks the table, then, for a stream begun before sealing, the stream's first event. */
  private async learnStreams(streams: readonly string[]): Promise<void> {
    for (const [stream, subjectId] of await this.subjectKeys.subjectsOfStreams(streams)) this.streamSubjects.set(stream, subjectId);
    for (const stream of streams.filter((s) => !this.streamSubjects.has(s))) {
      const [first] = await this.inner.readStream(stream, { maxCount: 1 });
      const rule = first === undefined ? undefined : this.catalogue[first.type];
      const ref = rule === undefined ? undefined : subjectRefOf(rule, first.data);
      if (ref === undefined || !('subjectId' in ref)) continue;
      await this.subjectKeys.recordStreams(ref.subjectId, [stream]);
      this.streamSubjects.set(stream, ref.subjectId);
    }
  }

  private async keyOf(subjectId: string, newStreams: readonly string[]): Promise<SubjectKey> {
    const cached = this.keys.get(subjectId);
    if (cached !== undefined && cached.until > this.now() && newStreams.length === 0) return cached.key;
    const key = await this.subjectKeys.keyFor(subjectId, newStreams);
    this.keys.set(subjectId, { key, until: this.now() + KEY_CACHE_MS });
    return key;
  }
}
