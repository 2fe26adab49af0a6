import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/**
 * `METHOD /path` of a controller method, in the OpenAPI form of the route access table
 * (`:id` becomes `{id}`), read from the same metadata Nest routes by.
 */
export function routeKeyOf(controller: object, handler: object): string {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  const paths = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)] as unknown[];
  const path = paths
    .flatMap((part) => (typeof part === 'string' ? part.split('/') : []))
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^:(\w+)$/, '{$1}'))
    .join('/');
  return `${RequestMethod[method ?? RequestMethod.GET]} /${path}`;
}
