import type { INestApplication } from '@nestjs/common';

/** The subset of JSON Schema the OpenAPI document of this API uses. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  example?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  allOf?: readonly Schema[];
  $ref?: string;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema: Schema;
}

export interface Endpoint {
  readonly method: string;
  /** OpenAPI form: `/dialogs/{id}/tags/{tag}`. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** Resolved: no `$ref` left at any depth. Absent when the operation takes no body. */
  readonly body: Schema | undefined;
  readonly isPublic: boolean;
  /** `GET /dialogs` */
  readonly name: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }>>;
  components: { schemas: Record<string, Schema> };
}

/** Every operation of the document the app serves at /docs-json, so a new endpoint is fuzzed without a line of test. */
export async function endpointsOf(app: INestApplication): Promise<Endpoint[]> {
  const url = `${await app.getUrl()}/docs-json`.replace('[::1]', 'localhost');
  const document = (await (await fetch(url)).json()) as OpenApiDocument;
  const resolve = (schema: Schema): Schema => resolveRefs(schema, document.components.schemas);
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: resolve(parameter.schema ?? {}) })),
      body: operation.requestBody ? resolve(operation.requestBody.content['application/json']?.schema ?? {}) : undefined,
      isPublic: (operation.security ?? []).length === 0,
      name: `${method.toUpperCase()} ${path}`,
    })),
  );
}

function resolveRefs(schema: Schema, schemas: Record<string, Schema>, seen: readonly string[] = []): Schema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return { type: 'object' };
    return resolveRefs(schemas[name] ?? {}, schemas, [...seen, name]);
  }
  const allOf = (schema.allOf ?? []).map((part) => resolveRefs(part, schemas, seen));
  const { allOf: _allOf, ...own } = schema;
  const merged: Schema = Object.assign({}, ...allOf, own);
  return {
    ...merged,
    ...(merged.items ? { items: resolveRefs(merged.items, schemas, seen) } : {}),
    ...(merged.properties
      ? { properties: Object.fromEntries(Object.entries(merged.properties).map(([key, value]) => [key, resolveRefs(value, schemas, seen)])) }
      : {}),
  };
}

/**
 * The routes Express actually serves, as `METHOD /path/{param}`: a route left out of the
 * document (an excluded endpoint) would escape the fuzzer, so the spec compares the two lists.
 */
export function routesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`)
      : [],
  );
}
