import { RecentlyUsed } from '@switchboard/platform';
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
  // Held for the subjects and streams written to lately, not for every one ever seen: a stream
  // or key that dropped out costs its next command one lookup.
  private readonly keys: RecentlyUsed<string, { key: SubjectKey; until: number }>;
  // Whose a stream is never changes once recorded.
  private readonly streamSubjects: RecentlyUsed<string, string>;

  constructor(
    private readonly catalogue: PersonalDataCatalogue,
    private readonly subjectKeys: SubjectKeys,
    private readonly inner: EventStore,
    private readonly now: () => number = Date.now,
    capacity = 10_000,
  ) {
    this.keys = new RecentlyUsed(capacity);
    this.streamSubjects = new RecentlyUsed(capacity);
  }

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
    // Taken from the cache before any await: meanwhile other appends may push an entry out.
    const known = new Map<string, string>();
    const unknown: string[] = [];
    for (const ref of refs) {
      if (ref === undefined || !('stream' in ref) || named.has(ref.stream) || known.has(ref.stream) || unknown.includes(ref.stream)) continue;
      const subjectId = this.streamSubjects.get(ref.stream);
      if (subjectId === undefined) unknown.push(ref.stream);
      else known.set(ref.stream, subjectId);
    }
    const learned = unknown.length > 0 ? await this.learnStreams(unknown) : new Map<string, string>();
    return refs.map((ref) => {
      if (ref === undefined) return undefined;
      if ('subjectId' in ref) return ref.subjectId;
      return named.get(ref.stream) ?? known.get(ref.stream) ?? learned.get(ref.stream);
    });
  }

  /** Asks the table, then, for a stream begun before sealing, the stream's first event. */
  private async learnStreams(streams: readonly string[]): Promise<Map<string, string>> {
    const learned = await this.subjectKeys.subjectsOfStreams(streams);
    for (const stream of streams.filter((s) => !learned.has(s))) {
      const [first] = await this.inner.readStream(stream, { maxCount: 1 });
      const rule = first === undefined ? undefined : this.catalogue[first.type];
      const ref = rule === undefined ? undefined : subjectRefOf(rule, first.data);
      if (ref === undefined || !('subjectId' in ref)) continue;
      await this.subjectKeys.recordStreams(ref.subjectId, [stream]);
      learned.set(stream, ref.subjectId);
    }
    for (const [stream, subjectId] of learned) this.streamSubjects.set(stream, subjectId);
    return learned;
  }

  private async keyOf(subjectId: string, newStreams: readonly string[]): Promise<SubjectKey> {
    const cached = this.keys.get(subjectId);
    if (cached !== undefined && cached.until > this.now() && newStreams.length === 0) return cached.key;
    const key = await this.subjectKeys.keyFor(subjectId, newStreams);
    this.keys.set(subjectId, { key, until: this.now() + KEY_CACHE_MS });
    return key;
  }
}
