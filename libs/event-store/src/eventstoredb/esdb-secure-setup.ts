import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { Client } from './esdb-client';

/** A user and password, as an `esdb://user:password@...` connection string carries them. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface SecureSetup {
  /** An admin's connection string: `esdb://admin:<password>@host:2113?tlsCAFile=...`. */
  readonly adminConnectionString: string;
  /** The node's HTTP base address, e.g. `https://eventstoredb:2113`; its CA is the admin string's `tlsCAFile`. */
  readonly httpUrl: string;
  /** Switchboard's own user, as its EVENTSTOREDB_URL names it. */
  readonly user: Credentials;
}

/**
 * What a secure server needs before Switchboard may run on it as a plain user, done as an admin:
 * 1. the user exists (created over the HTTP API, the v6 client has no user management; a user
 *    already there is kept as it is, its password included);
 * 2. the user may read `$all`, which only `$admins` may by default: its name is added to the read
 *    roles of `$all`'s ACL (the metadata of `$all`), keeping the roles already there.
 * Nothing else: appends to its own streams and the health check's read need no grant.
 * Running it again changes nothing.
 */
export async function grantSwitchboardUser(setup: SecureSetup): Promise<{ userCreated: boolean }> {
  const admin = credentialsOf(setup.adminConnectionString);
  const ca = caFileOf(setup.adminConnectionString);
  const userCreated = await createUser(setup.httpUrl, admin, setup.user, ca);
  const client = Client.connectionString(setup.adminConnectionString);
  try {
    const { metadata } = await client.getStreamMetadata('$all', { requiresLeader: true });
    const acl = typeof metadata?.acl === 'object' ? metadata.acl : {};
    const readers = [acl.readRoles ?? ['$admins']].flat();
    if (!readers.includes(setup.user.username)) {
      const readRoles = [...new Set([...readers, '$admins', setup.user.username])];
      await client.setStreamMetadata('$all', { ...metadata, acl: { ...acl, readRoles } }, { requiresLeader: true });
    }
  } finally {
    await client.dispose();
  }
  return { userCreated };
}

/** The user and password of an `esdb://` or `kurrentdb://` connection string; throws when it has none. */
export function credentialsOf(connectionString: string): Credentials {
  const match = /^[a-z+]+:\/\/([^:@/]+):([^@/]+)@/i.exec(connectionString);
  if (!match) throw new RangeError('the connection string names no user and password (esdb://user:password@host:2113?...)');
  return { username: decodeURIComponent(match[1]), password: decodeURIComponent(match[2]) };
}

function caFileOf(connectionString: string): Buffer | undefined {
  const query = connectionString.split('?')[1] ?? '';
  const file = [...new URLSearchParams(query)].find(([key]) => key.toLowerCase() === 'tlscafile')?.[1];
  return file ? readFileSync(file) : undefined;
}

/** `POST /users/`: 201 created, 409 there already; anything else is an error naming the status. */
async function createUser(httpUrl: string, admin: Credentials, user: Credentials, ca: Buffer | undefined): Promise<boolean> {
  const body = JSON.stringify({ loginName: user.username, fullName: 'Switchboard', password: user.password, groups: [] });
  const status = await new Promise<number>((resolve, reject) => {
    const call = request(
      new URL('/users/', httpUrl),
      {
        method: 'POST',
        ca,
        headers: {
          authorization: `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end(body);
  });
  if (status === 201) return true;
  if (status === 409) return false;
  throw new Error(`creating EventStoreDB user ${user.username} answered HTTP ${status}${status === 401 ? ' (are the admin credentials right?)' : ''}`);
}
