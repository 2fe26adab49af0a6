import { assertPublicTarget, InternalAddressError } from '@switchboard/webhooks';
import { problems } from '../errors/problems';

/**
 * Refuses, as a 400 on `url`, a receiver that resolves to an internal address or not at all.
 * The worker checks every connection again; this is for an early, clear answer.
 */
export async function assertReachableTarget(url: string, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  try {
    await assertPublicTarget(new URL(url));
  } catch (error) {
    if (error instanceof InternalAddressError)
      throw problems.invalidField('url', `must not point at a loopback, private or link-local address (${error.message})`);
    throw problems.invalidField('url', `the host could not be resolved (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
