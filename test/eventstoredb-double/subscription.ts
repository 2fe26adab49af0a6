import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { writeMessage } from './call-writer';
import type { EventLog } from './event-log';
import type { EventFilter } from './filter';
import { streams } from './protocol';
import { caughtUpMessage, checkpointMessage, confirmationMessage, eventMessage, linkResolution } from './read-messages';
import { toLogPosition } from './position';

const { AllOptionCase } = streams.ReadReq.Options.AllOptions;

/**
 * A catch-up subscription to `$all`, as a 23.10 server runs it: `confirmation` first, then the
 * events after the start point (from `start`, after `end`, or strictly after a position), then
 * `caught_up` once, then live events as they are appended, until the client cancels.
 * Filtered subscriptions also get a `checkpoint` every `checkpointInterval` events scanned,
 * so a client can advance its position through stretches the filter drops.
 */
export function subscribeToAll(
  log: EventLog,
  call: ServerWritableStream<streams.ReadReq, streams.ReadResp>,
  options: streams.ReadReq.Options.AllOptions | undefined,
  filter: EventFilter | undefined,
  resolveLinks: boolean,
  traffic: { eventsSent: number },
): void {
  let cursor =
    options?.getAllOptionCase() === AllOptionCase.END
      ? log.all.length
      : options?.getAllOptionCase() === AllOptionCase.POSITION
        ? log.indexOf(toLogPosition(options.getPosition()), 'after')
        : 0;
  let caughtUp = false;
  let scanned = 0;
  let pumping = false;
  let open = true;

  const close = (): void => {
    open = false;
    stopListening();
  };
  // One writer at a time, in log order; an append during a write is picked up by the loop.
  const pump = async (): Promise<void> => {
    if (pumping || !open) return;
    pumping = true;
    try {
      for (;;) {
        const event = log.all[cursor];
        if (event) {
          cursor += 1;
          scanned += 1;
          if (!filter || filter.matches(event)) {
            if (!(await writeMessage(call, eventMessage(event, 'all', linkResolution(log, event, resolveLinks))))) return close();
            traffic.eventsSent += 1;
          }
          if (filter && scanned >= filter.checkpointInterval) {
            scanned = 0;
            if (!(await writeMessage(call, checkpointMessage(event.position)))) return close();
          }
        } else if (!caughtUp) {
          caughtUp = true;
          if (!(await writeMessage(call, caughtUpMessage()))) return close();
        } else {
          return;
        }
      }
    } finally {
      pumping = false;
    }
  };

  const stopListening = log.onAppend(() => void pump());
  call.on('cancelled', close);
  call.on('close', close);
  void writeMessage(call, confirmationMessage(randomUUID())).then((stillOpen) => (stillOpen ? pump() : close()));
}
