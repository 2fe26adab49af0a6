import { EventStore, EventToAppend, NO_STREAM, type Position } from '@switchboard/event-store';
import { dialogHistory, LINES, OPERATORS } from './dialog-history';
import { Random } from './random';

export interface HistoryOptions {
  dialogs: number;
  seed?: number;
  writers?: number;
  onProgress?: (written: number) => void;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Writes lines, operators and `dialogs` dialogs spread over a year; returns the event count once
 * readers see every one of them. Readers stop short of any transaction still open on the server,
 * another database's included, so a rebuild started at once could otherwise miss the newest.
 */
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
  let last: Position = -1n;
  const append = async (...args: Parameters<EventStore['appendToStream']>) => {
    const { position } = await store.appendToStream(...args);
    if (position > last) last = position;
  };
  for (const lineId of LINES) {
    const created: EventToAppend = {
      id: random.uuid(),
      type: 'LineCreated',
      data: { lineId, name: lineId, routingMode: 'manual', operatorIds: [], occurredAt: new Date(origin).toISOString() },
      metadata: meta(origin),
    };
    await append(`line-${lineId}`, [created], { expectedRevision: NO_STREAM });
    events++;
  }
  for (const operatorId of OPERATORS) {
    const registered: EventToAppend = {
      id: random.uuid(),
      type: 'OperatorRegistered',
      data: { operatorId, name: operatorId, email: null, lineIds: [...LINES], occurredAt: new Date(origin).toISOString() },
      metadata: meta(origin),
    };
    await append(`operator-${operatorId}`, [registered], { expectedRevision: NO_STREAM });
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
        await append(`dialog-${dialogId}`, history, { expectedRevision: NO_STREAM });
        events += history.length;
        if (++written % 1000 === 0) options.onProgress?.(written);
      }
    }),
  );
  while (((await store.headPosition()) ?? -1n) < last) await new Promise((resolve) => setTimeout(resolve, 10));
  return events;
}
