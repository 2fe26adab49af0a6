import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { PrincipalRole } from '../../auth/principal-role';
import { ReadersGuard } from './readers.guard';

export const READERS = 'switchboard:readers';

/**
 * The roles that may read a route, checked after authentication. Reads have their own gate
 * rather than @AllowRoles so that a refusal says "may not read", not "may not send commands";
 * which rows a role then sees is the query's business.
 */
export const ReadableBy = (...roles: readonly PrincipalRole[]) => applyDecorators(SetMetadata(READERS, roles), UseGuards(ReadersGuard));
