import { actorKinds } from './shared/actor';
import { clientEventSchemas } from './client/client.schemas';
import { clientStreamCategory } from './client/client.stream';
import { dialogEventSchemas } from './dialog/dialog.schemas';
import { dialogStreamCategory } from './dialog/dialog.stream';
import { eventSchemaVersions, eventTypes, type EventType } from './event-catalogue';
import { lineEventSchemas } from './line/line.schemas';
import { lineStreamCategory } from './line/line.stream';
import { operatorEventSchemas } from './operator/operator.schemas';
import { operatorStreamCategory } from './operator/operator.stream';
import { reminderEventSchemas } from './reminder/reminder.schemas';
import { reminderStreamCategory } from './reminder/reminder.stream';
import { savedReplyEventSchemas } from './saved-reply/saved-reply.schemas';
import { savedReplyStreamCategory } from './saved-reply/saved-reply.stream';
import { flag, identifier, instant, JSON_SCHEMA_DIALECT, oneOf, record, uuid, type EventSchemaEntry, type JsonSchema } from './shared/json-schema';

export type EventCategory =
  | typeof dialogStreamCategory
  | typeof operatorStreamCategory
  | typeof lineStreamCategory
  | typeof savedReplyStreamCategory
  | typeof reminderStreamCategory
  | typeof clientStreamCategory;

export type EventCatalogueEntry = Readonly<{
  type: EventType;
  /** The stream category; streams are named `<category>-<id>`. */
  category: EventCategory;
  currentVersion: number;
  description: string;
  /** Every version from 1 up; readers are only ever given `currentVersion`. */
  versions: readonly Readonly<{ version: number; schema: JsonSchema }>[];
}>;

const byCategory: ReadonlyArray<readonly [EventCategory, Readonly<Partial<Record<EventType, EventSchemaEntry>>>]> = [
  [dialogStreamCategory, dialogEventSchemas],
  [operatorStreamCategory, operatorEventSchemas],
  [lineStreamCategory, lineEventSchemas],
  [savedReplyStreamCategory, savedReplyEventSchemas],
  [reminderStreamCategory, reminderEventSchemas],
  [clientStreamCategory, clientEventSchemas],
];

/** Every stream category, in catalogue order: what readers of the log may filter by. */
export const eventCategories: readonly EventCategory[] = byCategory.map(([category]) => category);

const entryOf = (type: EventType): EventCatalogueEntry => {
  for (const [category, entries] of byCategory) {
    const entry = entries[type];
    if (!entry) continue;
    const versions = Object.keys(entry.versions)
      .map(Number)
      .sort((a, b) => a - b)
      .map((version) => ({ version, schema: { $schema: JSON_SCHEMA_DIALECT, ...entry.versions[version] } }));
    return { type, category, currentVersion: eventSchemaVersions[type], description: entry.description, versions };
  }
  throw new Error(`event type ${type} has no schema`);
};

/** Every event type with the JSON Schema of each version of its `data`, in catalogue order. */
export const eventCatalogue: readonly EventCatalogueEntry[] = eventTypes.map(entryOf);

export const catalogueEntryOf = (type: string): EventCatalogueEntry | undefined => eventCatalogue.find((entry) => entry.type === type);

/**
 * The metadata every stored event carries. Open to more fields: the store itself adds some (the
 * hash chain's), and a consumer must ignore what it does not know.
 */
const metadata: JsonSchema = {
  type: 'object',
  properties: {
    actor: record({ kind: oneOf(actorKinds), id: identifier }),
    correlationId: identifier,
    causationId: identifier,
    occurredAt: instant,
    schemaVersion: { type: 'integer', minimum: 1, description: 'The version of data; readers always get the current one.' },
    commandType: identifier,
    idempotencyKey: identifier,
    upcastedFrom: { type: 'integer', minimum: 1, description: 'The version stored in the log, when the event was upcast on read.' },
    personalData: {
      type: 'object',
      description: 'Present on events holding a client’s personal data: whose it is, and whether it was erased (its fields then read "[erased]").',
      properties: { subjectId: { anyOf: [identifier, { type: 'null' }] }, erased: flag },
    },
  },
  required: ['actor', 'correlationId', 'causationId', 'occurredAt', 'schemaVersion', 'commandType'],
};
export const eventMetadataSchema: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, ...metadata };

const decimal: JsonSchema = { type: 'string', pattern: '^(0|[1-9][0-9]*)$' };

/**
 * An event as the log hands it out (the export, the events API, webhooks): positions and
 * revisions are decimal strings because they outgrow a JSON number.
 */
export const eventEnvelopeSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  ...record({
    id: uuid,
    type: oneOf(eventTypes),
    streamId: { type: 'string', pattern: `^(${byCategory.map(([category]) => category).join('|')})-.+$` },
    revision: decimal,
    position: decimal,
    data: { type: 'object', description: 'As the schema of the event type at metadata.schemaVersion.' },
    metadata: { $ref: '#/$defs/metadata' },
    recordedAt: instant,
  }),
  $defs: { metadata },
};
