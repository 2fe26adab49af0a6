import {
  eventCatalogue,
  eventCategories,
  eventEnvelopeSchema,
  eventMetadataSchema,
  type EventCatalogueEntry,
  type EventCategory,
  type JsonSchema,
} from '@switchboard/dialogs';

// Generated from the event catalogue on every request, so it cannot drift from the schemas the
// contract test validates every recorded event against. Payload schemas are the catalogue's
// JSON Schemas without `$schema`: they use only keywords that mean the same in draft-07, which
// is what AsyncAPI's default schema format builds on.

const withoutDialect = ({ $schema: _dialect, ...schema }: JsonSchema): JsonSchema => schema;
const schemaKey = (type: string, version: number) => `${type}.v${version}`;
const ref = ($ref: string) => ({ $ref });

const { $schema: _dialect, $defs: _defs, ...envelope } = eventEnvelopeSchema;
const envelopeProperties = envelope.properties as Readonly<Record<string, JsonSchema>>;

const payloadOf = (entry: EventCatalogueEntry): JsonSchema => ({
  ...envelope,
  properties: {
    ...envelopeProperties,
    type: { const: entry.type },
    streamId: { type: 'string', pattern: `^${entry.category}-.+$` },
    data: ref(`#/components/schemas/${schemaKey(entry.type, entry.currentVersion)}`),
    metadata: ref('#/components/schemas/EventMetadata'),
  },
});

const webhookHeaders: JsonSchema = {
  type: 'object',
  required: ['Switchboard-Signature', 'Switchboard-Timestamp', 'Switchboard-Event-Id', 'Switchboard-Event-Type'],
  properties: {
    'Switchboard-Signature': {
      type: 'string',
      pattern: '^v1=[0-9a-f]{64}$',
      description: 'v1=<hex HMAC-SHA256 with the subscription secret over `<Switchboard-Timestamp>.<raw body>`>; compare in constant time.',
    },
    'Switchboard-Timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix seconds when the delivery was signed; refuse old ones to stop replays.',
    },
    'Switchboard-Event-Id': { type: 'string', format: 'uuid', description: 'The event id: deliveries are at least once, deduplicate on it.' },
    'Switchboard-Event-Type': { type: 'string', description: 'The event type, as in the body.' },
  },
};

const messagesOf = (entries: readonly EventCatalogueEntry[], suffix = '') =>
  Object.fromEntries(entries.map((entry) => [entry.type, ref(`#/components/messages/${entry.type}${suffix}`)]));

export function asyncApiDocument(): Readonly<Record<string, unknown>> {
  const inCategory = (category: EventCategory) => eventCatalogue.filter((entry) => entry.category === category);
  const logChannels = Object.fromEntries(
    eventCategories.map((category) => [
      `${category}Log`,
      {
        address: `${category}-{id}`,
        title: `The ${category} streams of the log`,
        description: `Every event of the streams \`${category}-<id>\` in log order: EventStoreDB \`$ce-${category}\`, or GET /events?category=${category}.`,
        parameters: { id: { description: `The ${category}'s id.` } },
        messages: messagesOf(inCategory(category)),
      },
    ]),
  );
  const channels = {
    ...logChannels,
    eventStream: {
      address: '/events',
      title: 'GET /events',
      description:
        'The log in position order as JSON pages or, with Accept: text/event-stream, as server-sent events (the SSE id is the position, the event name the type).',
      messages: messagesOf(eventCatalogue),
    },
    webhookDeliveries: {
      address: '{subscriberUrl}',
      title: 'Webhook deliveries',
      description: 'POST of one event to each subscription URL whose filter matches, signed with the subscription secret.',
      parameters: { subscriberUrl: { description: 'The URL the subscription was registered with.' } },
      messages: messagesOf(eventCatalogue, '.webhook'),
    },
  };
  const operations = Object.fromEntries(
    Object.entries(channels).map(([name, channel]) => [
      `send${name[0].toUpperCase()}${name.slice(1)}`,
      {
        action: 'send',
        channel: ref(`#/channels/${name}`),
        messages: Object.keys(channel.messages).map((type) => ref(`#/channels/${name}/messages/${type}`)),
      },
    ]),
  );
  const message = (entry: EventCatalogueEntry) => ({
    name: entry.type,
    title: entry.type,
    summary: entry.description,
    contentType: 'application/json',
    payload: payloadOf(entry),
  });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Switchboard events',
      version: catalogueVersion(),
      description:
        'Every fact Switchboard records. Readers always receive the current version of each event type (metadata.schemaVersion); older stored versions are upcast on read. The JSON Schemas (draft 2020-12) are at GET /events/catalogue.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      schemas: {
        EventMetadata: withoutDialect(eventMetadataSchema),
        ...Object.fromEntries(eventCatalogue.flatMap((entry) => entry.versions.map((v) => [schemaKey(entry.type, v.version), withoutDialect(v.schema)]))),
      },
      messages: {
        ...Object.fromEntries(eventCatalogue.map((entry) => [entry.type, message(entry)])),
        ...Object.fromEntries(eventCatalogue.map((entry) => [`${entry.type}.webhook`, { ...message(entry), headers: webhookHeaders }])),
      },
    },
  };
}

/** Grows with every version of every event type, so a changed contract shows in info.version. */
const catalogueVersion = (): string => `1.${eventCatalogue.reduce((sum, entry) => sum + entry.versions.length - 1, 0)}.0`;
