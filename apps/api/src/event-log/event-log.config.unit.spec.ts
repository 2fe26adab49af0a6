import { eventLogStreamConfigFrom } from './event-log.config';

describe('event stream configuration', () => {
  it('beats every 15 s, asks clients to retry after 2 s and allows 5 streams per principal unless told otherwise', () => {
    expect(eventLogStreamConfigFrom({})).toEqual({ heartbeatMs: 15_000, retryMs: 2_000, maxStreamsPerPrincipal: 5 });
    expect(eventLogStreamConfigFrom({ EVENTS_HEARTBEAT_MS: '100', EVENTS_RETRY_MS: '0', EVENTS_MAX_STREAMS_PER_PRINCIPAL: '20' })).toEqual({
      heartbeatMs: 100,
      retryMs: 0,
      maxStreamsPerPrincipal: 20,
    });
  });

  it('stops the start on a wrong value, naming the variable', () => {
    for (const [variable, wrong] of [
      ['EVENTS_HEARTBEAT_MS', '5'],
      ['EVENTS_HEARTBEAT_MS', '15s'],
      ['EVENTS_RETRY_MS', '-1'],
      ['EVENTS_MAX_STREAMS_PER_PRINCIPAL', '0'],
      ['EVENTS_MAX_STREAMS_PER_PRINCIPAL', '1.5'],
    ]) {
      expect(() => eventLogStreamConfigFrom({ [variable]: wrong })).toThrow(new RegExp(`^${variable} must be`));
    }
  });
});
