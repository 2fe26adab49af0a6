import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { OpenDialogCommand, StreamCommandRunner } from '@switchboard/dialog-commands';
import { dialogDecider, dialogStreamName, type DialogEvent, type DialogState } from '@switchboard/dialogs';
import { EVENT_STORE, PostgresEventStore, STREAM_EXISTS, type EventStore, type RecordedEvent } from '@switchboard/event-store';
import {
  admin,
  as,
  channel,
  dialogChange,
  lineChange,
  operator,
  operatorChange,
  startWriteSide,
  supervisor,
  type DialogChangeOf,
  type WriteSide,
} from './write-side';

/**
 * The test of schema evolution: a DialogReopened stored at version 1 (before it named
 * reopenedBy), appended raw beneath the upcaster as an old deployment wrote it, is read at
 * version 2 by every reader of the running composition: the port, the projector, the command
 * side. The events API reads through the same port, so the port's answer is what it serves.
 */
describe('a version-1 event read as the current version everywhere', () => {
  let side: WriteSide;
  let raw: PostgresEventStore;
  let store: EventStore;
  let pool: Pool;
  const dialogId = randomUUID();
  const streamId = dialogStreamName(dialogId);
  const reopenedId = randomUUID();

  const isOldReopen = (event: RecordedEvent) => event.id === reopenedId;
  const change = (intent: DialogChangeOf, actor = operator('op-a')) => side.bus.execute(dialogChange(dialogId, intent, as(actor)));

  beforeAll(async () => {
    side = await startWriteSide();
    store = side.app.get<EventStore>(EVENT_STORE);
    raw = new PostgresEventStore({ connectionString: side.db.url });
    pool = new Pool({ connectionString: side.db.url });
    await side.bus.execute(lineChange('support', { type: 'CreateLine', name: 'Support', routingMode: 'manual', operatorIds: [] }, as(admin)));
    await side.bus.execute(operatorChange('op-a', { type: 'RegisterOperator', name: 'Ann', lineIds: ['support'] }, as(admin)));
    await side.bus.execute(
      new OpenDialogCommand({ dialogId, direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } }, as(channel)),
    );
    await change({ type: 'CloseDialog' });
    await raw.appendToStream(
      streamId,
      [
        {
          id: reopenedId,
          type: 'DialogReopened',
          data: { dialogId, occurredAt: new Date().toISOString() },
          metadata: {
            actor: { kind: 'supervisor', id: 'sup-1' },
            correlationId: 'old-deployment',
            causationId: 'old-deployment',
            occurredAt: new Date().toISOString(),
            schemaVersion: 1,
            commandType: 'ReopenDialog',
          },
        },
      ],
      { expectedRevision: STREAM_EXISTS },
    );
  });
  afterAll(async () => {
    await pool.end();
    await raw.close();
    await side.close();
  });

  const expectCurrent = (event: RecordedEvent | undefined) => {
    expect(event?.data).toEqual({ dialogId, reopenedBy: 'sup-1', occurredAt: expect.any(String) });
    expect(event?.metadata).toMatchObject({ schemaVersion: 2, upcastedFrom: 1, actor: { kind: 'supervisor', id: 'sup-1' } });
  };

  it('keeps the stored bytes at version 1 beneath the upcaster', async () => {
    const stored = (await raw.readStream(streamId)).find(isOldReopen);
    expect(stored?.data).toEqual({ dialogId, occurredAt: expect.any(String) });
    expect(stored?.metadata.schemaVersion).toBe(1);
  });

  it('reads it at version 2 through the port: readStream, readAll and subscribeToAll', async () => {
    expectCurrent((await store.readStream(streamId)).find(isOldReopen));
    // readAll sees an append once no older transaction runs (the projector's may), so ask again.
    const deadline = Date.now() + 10_000;
    let fromLog: RecordedEvent | undefined;
    while (!fromLog && Date.now() < deadline) {
      fromLog = (await store.readAll({ filter: { eventTypes: ['DialogReopened'] } })).find(isOldReopen);
      if (!fromLog) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expectCurrent(fromLog);
    const seen = new Promise<RecordedEvent | undefined>((resolve) => {
      const subscription = store.subscribeToAll(
        async (events) => {
          const found = events.find(isOldReopen);
          if (found) {
            resolve(found);
            void subscription.stop();
          }
        },
        { filter: { categories: ['dialog'] } },
      );
    });
    expectCurrent(await seen);
  });

  it('is projected by the running projector: the dialog list shows the dialog reopened', async () => {
    const deadline = Date.now() + 10_000;
    let row: { general_status: string; reopen_count: number } | undefined;
    while (Date.now() < deadline) {
      [row] = (await pool.query('SELECT general_status, reopen_count FROM read_models.dialog_list WHERE dialog_id = $1', [dialogId])).rows;
      if (row?.reopen_count === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(row).toEqual({ general_status: 'client_waiting', reopen_count: 1 });
  });

  it('is folded at version 2 by the command side, which then decides on it', async () => {
    const folded: DialogEvent[] = [];
    const recording = {
      ...dialogDecider,
      evolve: (state: DialogState, event: DialogEvent) => {
        folded.push(event);
        return dialogDecider.evolve(state, event);
      },
    };
    const state = await side.app.get(StreamCommandRunner).load(streamId, recording);
    expect(folded.find((event) => event.type === 'DialogReopened')?.data).toEqual({ dialogId, reopenedBy: 'sup-1', occurredAt: expect.any(String) });
    expect(state).toMatchObject({ status: 'open' });
    const closed = await change({ type: 'CloseDialog' }, supervisor);
    expect(closed.eventTypes).toEqual(['DialogClosed']);
  });
});
