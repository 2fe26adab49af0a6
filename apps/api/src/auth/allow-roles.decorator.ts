import { SetMetadata } from '@nestjs/common';
import type { PrincipalRole } from './principal-role';

export const ALLOWED_ROLES = 'switchboard:allowed-roles';

/**
 * A coarse gate by role at the edge. Whether this actor may act on this dialog is decided by the
 * write side's access policy, which knows the dialog's assignee and participants.
 */
export const AllowRoles = (...roles: readonly PrincipalRole[]) => SetMetadata(ALLOWED_ROLES, roles);
