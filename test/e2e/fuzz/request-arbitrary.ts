import fc from 'fast-check';
import { hostileHeaderValue, hostileKey, hostileString, hostileValue, mutationOf, toJsonText, type FuzzJson } from './hostile-values';
import type { Endpoint, Parameter, Schema } from './openapi-endpoints';

/** One HTTP request, as it goes on the wire. */
export interface FuzzRequest {
  readonly method: string;
  /** Path and query, already encoded (or deliberately not). */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
}

/** Ids that exist in the app under test, so generated requests reach past "not found". */
export interface Fixtures {
  readonly dialogIds: readonly string[];
  /** The UUIDs of other things that exist: a saved reply, a reminder. */
  readonly otherUuids: readonly string[];
  readonly knownIds: readonly string[];
}

const isoInstant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A value the schema accepts, as far as the document can say (patterns live in the validators). */
export function validValueOf(schema: Schema, fixtures: Fixtures): fc.Arbitrary<FuzzJson> {
  const valid = nonNullValueOf(schema, fixtures);
  return schema.nullable ? fc.option(valid, { nil: null }) : valid;
}

function nonNullValueOf(schema: Schema, fixtures: Fixtures): fc.Arbitrary<FuzzJson> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as FuzzJson[]));
  switch (schema.type) {
    case 'string':
      return stringOf(schema, fixtures);
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1_000, 2 ** 31) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValueOf(schema.items ?? {}, fixtures), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, 3) });
    default:
      return objectOf(schema, fixtures);
  }
}

function stringOf(schema: Schema, fixtures: Fixtures): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...fixtures.dialogIds, ...fixtures.otherUuids), fc.uuid());
  if (schema.format === 'date-time') return isoInstant;
  const plain = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
  const examples = typeof schema.example === 'string' ? [schema.example] : [];
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...examples, ...fixtures.knownIds) }, { weight: 1, arbitrary: plain });
}

function objectOf(schema: Schema, fixtures: Fixtures): fc.Arbitrary<FuzzJson> {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return fc.constant({});
  const required = new Set(schema.required ?? []);
  return fc.record(Object.fromEntries(properties.map(([key, property]) => [key, validValueOf(property, fixtures)])), {
    requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)),
  });
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Bodies that are not what a JSON serializer writes. */
const rawBody: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .constantFrom('', ' ', '{', '}', '{"a":1,"a":2}', 'null', '"text"', '1e400', '[]', '{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}')
    .map((text) => Buffer.from(text)),
  fc.integer({ min: 17, max: 100_000 }).map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
  fc.integer({ min: 17, max: 1_000 }).map((depth) => Buffer.from('{"a":'.repeat(depth) + '1' + '}'.repeat(depth))),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('{"text":"'), Buffer.from(bytes), Buffer.from('"}')])),
  fc.constantFrom(1_048_577, 1_500_000).map((size) => Buffer.from(`{"text":"${'x'.repeat(size)}"}`)),
);

function validBodyOf(endpoint: Endpoint, fixtures: Fixtures): fc.Arbitrary<Buffer | undefined> {
  return endpoint.body === undefined ? fc.constant(undefined) : validValueOf(endpoint.body, fixtures).map((value) => Buffer.from(toJsonText(value)));
}

function hostileBodyOf(endpoint: Endpoint, fixtures: Fixtures): fc.Arbitrary<Buffer | undefined> {
  const text = (value: FuzzJson) => Buffer.from(toJsonText(value));
  if (endpoint.body === undefined) return fc.oneof(hostileValue.map(text), rawBody);
  const valid = validValueOf(endpoint.body, fixtures);
  return fc.oneof(
    { weight: 8, arbitrary: valid.chain(mutationOf).map(text) },
    { weight: 2, arbitrary: hostileValue.map(text) },
    { weight: 1, arbitrary: valid.map((value) => Buffer.concat([BOM, text(value)])) },
    { weight: 1, arbitrary: rawBody },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Percent-encodes UTF-8 bytes: a lone surrogate becomes U+FFFD, as any client would send it. */
const encode = (value: string): string =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`))
    .join('');

/** Escapes that decoders disagree on, sent as they are. */
const oddEncoding = fc.constantFrom('%', '%zz', '%0', '%00', '%ED%A0%80', '%C0%AF', '%F0%9F%92%A9', '+', '%2B', '%26', '=', '==', ';', '%2F..%2F', '..', '.');

function validQueryOf(endpoint: Endpoint, fixtures: Fixtures): fc.Arbitrary<string[]> {
  const declared = endpoint.parameters.filter((parameter) => parameter.in === 'query');
  const values = fc.tuple(...declared.map((parameter) => fc.option(validValueOf(parameter.schema, fixtures), { nil: undefined, freq: 8 })));
  return values.map((given) => given.flatMap((value, at) => (value === undefined ? [] : [`${declared[at].name}=${encode(String(value))}`])));
}

/** Valid parameters, then something wrong: a value, an unknown or repeated name, an odd escape, a flood. */
function hostileQueryOf(endpoint: Endpoint, fixtures: Fixtures): fc.Arbitrary<string[]> {
  const names = endpoint.parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const name = fc.oneof(names.length > 0 ? fc.constantFrom(...names) : hostileKey, hostileKey, fc.constantFrom('unknown', 'limit[]', 'a[b]', 'format'));
  const pair = fc.tuple(name.map(encode), fc.oneof(hostileString.map(encode), oddEncoding)).map(([key, value]) => `${key}=${value}`);
  const flood = fc.constantFrom(65, 1_200).map((count) => Array.from({ length: count }, (_, at) => `p${at}=1`));
  return fc
    .tuple(
      validQueryOf(endpoint, fixtures),
      fc.oneof({ weight: 8, arbitrary: fc.array(pair, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: flood }),
    )
    .map(([valid, wrong]) => [...valid, ...wrong]);
}

function targetOf(endpoint: Endpoint, fixtures: Fixtures, hostilePath: boolean, hostileQuery: boolean): fc.Arbitrary<string> {
  const pathParameters = endpoint.parameters.filter((parameter) => parameter.in === 'path');
  const segment = (parameter: Parameter) =>
    hostilePath ? fc.oneof(hostileString.filter((value) => value.length < 5_000).map(encode), oddEncoding) : stringOf(parameter.schema, fixtures).map(encode);
  const segments = fc.tuple(...pathParameters.map(segment));
  const query = hostileQuery ? hostileQueryOf(endpoint, fixtures) : validQueryOf(endpoint, fixtures);
  return fc.tuple(segments, query).map(([values, pairs]) => {
    const path = pathParameters.reduce((built, parameter, at) => built.replace(`{${parameter.name}}`, values[at] || '%20'), endpoint.path);
    return pairs.length === 0 ? path : `${path}?${pairs.join('&')}`;
  });
}

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | undefined>('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON; Charset="UTF-8"',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json;;',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/problem+json',
      'application/xml',
      '*/*',
    ),
  },
);

const option = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

interface Headers {
  readonly contentType: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly ifMatch: string | undefined;
  readonly correlationId: string | undefined;
  readonly accept: string | undefined;
}

const validHeaders: fc.Arbitrary<Headers> = fc.record({
  contentType: fc.constant('application/json'),
  idempotencyKey: option(fc.uuid()),
  ifMatch: fc.constant(undefined),
  correlationId: option(fc.uuid()),
  accept: option(fc.constant('application/json')),
});

const hostileHeaders: fc.Arbitrary<Headers> = fc.record({
  contentType,
  idempotencyKey: option(fc.oneof(fc.uuid(), hostileHeaderValue)),
  ifMatch: option(
    fc.oneof(
      fc.nat(5).map((revision) => `"${revision}"`),
      hostileHeaderValue,
    ),
  ),
  correlationId: option(fc.oneof(fc.uuid(), hostileHeaderValue)),
  // Not text/event-stream: GET /events would stream until closed; its stream has its own tests.
  accept: option(fc.constantFrom('application/json', 'text/csv', '*/*', 'text/html', 'application/xml', '')),
});

/** Which parts of a request are hostile: mostly one, so each reaches as far as it can; sometimes none or all. */
const hostileParts = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ body: false, path: false, query: false, headers: false }) },
  { weight: 8, arbitrary: fc.constant({ body: true, path: false, query: false, headers: false }) },
  { weight: 2, arbitrary: fc.constant({ body: false, path: true, query: false, headers: false }) },
  { weight: 3, arbitrary: fc.constant({ body: false, path: false, query: true, headers: false }) },
  { weight: 2, arbitrary: fc.constant({ body: false, path: false, query: false, headers: true }) },
  { weight: 1, arbitrary: fc.constant({ body: true, path: true, query: true, headers: true }) },
);

/** Every generated request of one endpoint, for one of the roles that may call it. */
export function requestOf(endpoint: Endpoint, tokens: readonly string[], fixtures: Fixtures): fc.Arbitrary<FuzzRequest> {
  return hostileParts.chain((hostile) =>
    fc
      .record({
        target: targetOf(endpoint, fixtures, hostile.path, hostile.query),
        body: hostile.body ? hostileBodyOf(endpoint, fixtures) : validBodyOf(endpoint, fixtures),
        token: fc.constantFrom(...tokens),
        headers: hostile.headers ? hostileHeaders : validHeaders,
      })
      .map(({ target, body, token, headers: given }) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (body !== undefined && given.contentType !== undefined) headers['content-type'] = given.contentType;
        if (given.idempotencyKey !== undefined) headers['idempotency-key'] = given.idempotencyKey;
        if (given.ifMatch !== undefined) headers['if-match'] = given.ifMatch;
        if (given.correlationId !== undefined) headers['x-correlation-id'] = given.correlationId;
        if (given.accept !== undefined) headers['accept'] = given.accept;
        return { method: endpoint.method, target, headers, body };
      }),
  );
}
