import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { isInternalAddress } from './private-address';

export class InternalAddressError extends Error {
  override readonly name = 'InternalAddressError';

  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a loopback, private or link-local address`);
  }
}

/** The host of a URL as the resolver wants it: IPv6 literals without their brackets. */
const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Checks where a URL points now, for an early and clear refusal when a subscription is created.
 * Not enough on its own: DNS may answer differently later, so every request also resolves
 * through `guardedLookup`.
 */
export async function assertPublicTarget(url: URL): Promise<void> {
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : (await lookupAll(host)).map((entry) => entry.address);
  const internal = addresses.find(isInternalAddress);
  if (internal !== undefined) throw new InternalAddressError(host, internal);
}

/** A literal IP host is never looked up by Node's sockets, so it is checked before connecting. */
export function assertPublicLiteral(url: URL): void {
  const host = hostOf(url);
  if (isIP(host) && isInternalAddress(host)) throw new InternalAddressError(host, host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses internal addresses: the address checked is the one
 * connected to, so a DNS answer that changes between check and use (rebinding) cannot slip by.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const internal = addresses.find((entry) => isInternalAddress(entry.address));
    if (internal !== undefined) return callback(new InternalAddressError(hostname, internal.address), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => lookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
}
