import type { EventLog } from './event-log';

export type Operation = 'read' | 'write';

/** Who takes part in an access check: a user's name and whether they are in `$admins`. */
export interface Principal {
  readonly username: string;
  readonly admin: boolean;
}

/**
 * Whether `principal` may read or write `streamId`, as the server's ACL policy decides:
 * `$admins` may do anything; otherwise the stream's own ACL (`$acl.$r` / `$acl.$w` in the last
 * `$metadata` event of `$$<stream>`) names the users and groups allowed, `$all` meaning every
 * authenticated user; a stream without one falls back to the default ACL: every user for user
 * streams, `$admins` for system streams (`$`-prefixed, `$all` among them). So a plain user reads
 * `$all` only once an admin has granted it in `$$$all`, as on a server.
 */
export function mayAccess(log: EventLog, principal: Principal, streamId: string, operation: Operation): boolean {
  if (principal.admin) return true;
  const roles = aclRoles(log, streamId, operation) ?? (isSystemStream(streamId) ? ['$admins'] : ['$all']);
  return roles.includes('$all') || roles.includes(principal.username);
}

/** A metadata stream (`$$x`) is as much a system stream as `x` is. */
const isSystemStream = (streamId: string): boolean => (streamId.startsWith('$$') ? streamId.slice(2) : streamId).startsWith('$');

function aclRoles(log: EventLog, streamId: string, operation: Operation): readonly string[] | undefined {
  if (streamId.startsWith('$$')) return undefined; // metadata streams: the default ACL of their stream
  const last = log.stream(`$$${streamId}`)?.events.at(-1);
  if (!last || last.type !== '$metadata') return undefined;
  try {
    const acl = (JSON.parse(Buffer.from(last.data).toString('utf8')) as { $acl?: Record<string, unknown> }).$acl;
    const roles = acl?.[operation === 'read' ? '$r' : '$w'];
    if (typeof roles === 'string') return [roles];
    return Array.isArray(roles) ? roles.filter((role): role is string => typeof role === 'string') : undefined;
  } catch {
    return undefined;
  }
}
