import type { Position } from '@switchboard/event-store';
import { problems } from '../errors/problems';
import { isLogPositionText } from '../queries/dto/query-string.validators';

export const LAST_EVENT_ID_HEADER = 'Last-Event-ID';

/**
 * Where a stream resumes: after `Last-Event-ID`, which an EventSource sends by itself when it
 * reconnects (the `id:` of the last event it received), else after `from`. The header wins:
 * a reconnecting client still has the URL of its first connection, `from` included.
 */
export function resumePosition(lastEventId: string | string[] | undefined, from: string | undefined): Position | undefined {
  if (lastEventId !== undefined && lastEventId !== '') {
    if (!isLogPositionText(lastEventId))
      throw problems.invalidField(LAST_EVENT_ID_HEADER, 'must be the id of an event this stream sent: a log position, decimal digits');
    return BigInt(lastEventId);
  }
  return from === undefined ? undefined : BigInt(from);
}
