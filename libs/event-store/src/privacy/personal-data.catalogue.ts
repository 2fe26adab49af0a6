import type { JsonObject, JsonValue } from '../event-store.port';

/**
 * Whose personal data an event holds: a subject id the event names at a path (`client.id`), or
 * the subject of another stream it names (`dialog-` + `dialogId`), whose own events name it.
 */
export type SubjectOf = Readonly<{ idAt: string }> | Readonly<{ streamPrefix: string; streamIdAt: string }>;

/**
 * The personal fields of one event type: paths into its data, `[]` for every element of an
 * array (`attachments[].url`). Only strings are personal; a null stays null.
 */
export type PersonalFields = Readonly<{ fields: readonly string[]; subject: SubjectOf }>;

/** Per event type. The store knows no event types: the composition root hands this in. */
export type PersonalDataCatalogue = Readonly<Record<string, PersonalFields>>;

/** What every reader gets in place of a personal field whose key was destroyed. */
export const ERASED = '[erased]';
/** What the stored event holds in place of a personal field; the text sits sealed in its metadata. */
export const SEALED = '[sealed]';
/** The metadata key of the sealed fields (as stored) and of whether they were erased (as read). */
export const PERSONAL_DATA_KEY = 'personalData';

/** A value at a path of the data, when it is text. */
export function textAt(data: JsonObject, path: string): string | undefined {
  let value: JsonValue | undefined = data;
  for (const key of path.split('.')) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/** Whose data the event is, as the catalogue says where to look: a subject id, or a stream to ask. */
export function subjectRefOf(rule: PersonalFields, data: JsonObject): { subjectId: string } | { stream: string } | undefined {
  if ('idAt' in rule.subject) {
    const subjectId = textAt(data, rule.subject.idAt);
    return subjectId === undefined ? undefined : { subjectId };
  }
  const id = textAt(data, rule.subject.streamIdAt);
  return id === undefined ? undefined : { stream: rule.subject.streamPrefix + id };
}
