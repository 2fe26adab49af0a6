import { EventStore, EventToAppend, NO_STREAM } from '@switchboard/event-store';
import { dialogHistory, LINES, OPERATORS } from './dialog-history';
import { Random } from './random';

export interface HistoryOptions {
  dialogs: number;
  seed?: number;
  writers?: number;
  onProgress?: (written: number) => void;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Writes lines, operators and `dialogs` dialogs spread over a year; returns the event count. */
export async function writeHistory(store: EventStore, options: HistoryOptions): Promise<number> {
  const random = new Random(options.seed ?? 42);
  const origin = Date.UTC(2025, 0, 1);
  const meta = (at: number) => ({
    actor: { kind: 'admin', id: 'admin-1' },
    correlationId: random.uuid(),
    causationId: 'setup',
    occurredAt: new Date(at).toISOString(),
    schemaVersion: 1,
  });
  let events = 0;
  for (const lineId of LINES) {
    const created: EventToAppend = {
      id: random.uuid(),
      type: 'LineCreated',
      data: { lineId, name: lineId, routingMode: 'manual', operatorIds: [], occurredAt: new Date(origin).toISOString() },
      metadata: meta(origin),
    };
    await store.appendToStream(`line-${lineId}`, [created], { expectedRevision: NO_STREAM });
    events++;
  }
  for (const operatorId of OPERATORS) {
    const registered: EventToAppend = {
      id: random.uuid(),
      type: 'OperatorRegistered',
      data: { operatorId, name: operatorId, email: null, lineIds: [...LINES], occurredAt: new Date(origin).toISOString() },
      metadata: meta(origin),
    };
    await store.appendToStream(`operator-${operatorId}`, [registered], { expectedRevision: NO_STREAM });
    events++;
  }
  let next = 0;
  let written = 0;
  const writers = options.writers ?? 8;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < options.dialogs) {
        const index = next++;
        const { dialogId, events: history } = dialogHistory(random, origin + Math.floor((index / options.dialogs) * YEAR_MS));
        await store.appendToStream(`dialog-${dialogId}`, history, { expectedRevision: NO_STREAM });
        events += history.length;
        if (++written % 1000 === 0) options.onProgress?.(written);
      }
    }),
  );
  return events;
}
