// Event schemas are JSON Schema (draft 2020-12) kept as plain data: they are published to
// other services as they stand, so nothing here may depend on a validator or a framework.
export type JsonSchema = Readonly<{ [keyword: string]: unknown }>;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** An id the domain refuses blank: never empty. */
export const identifier: JsonSchema = { type: 'string', minLength: 1 };
export const uuid: JsonSchema = { type: 'string', format: 'uuid' };
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
export const text: JsonSchema = { type: 'string' };
export const flag: JsonSchema = { type: 'boolean' };
export const fivePointScore: JsonSchema = { type: 'integer', minimum: 1, maximum: 5 };

export const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });

export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const listOf = (items: JsonSchema, constraints: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...constraints });

/**
 * A closed object: every property required (events write optional facts as explicit nulls) and
 * nothing else allowed, so a field added by mistake fails the contract test.
 */
export const record = (properties: Readonly<Record<string, JsonSchema>>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** What the catalogue knows of one event type: every version's `data` schema, from 1 up. */
export type EventSchemaEntry = Readonly<{
  description: string;
  versions: Readonly<Record<number, JsonSchema>>;
}>;
