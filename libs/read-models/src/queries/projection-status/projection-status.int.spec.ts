import { Client } from 'pg';
import { CheckpointStore, checkpointNameOf, GenerationCatalog } from '@switchboard/projections';
import { DialogListProjection } from '../../dialog-list/dialog-list.projection';
import { ProjectionStatusHandler } from './projection-status.handler';
import { PROJECTION_SKIPPED_CHANNEL, skipFailedEvent } from './skip-failed-event';
import { readModelSources } from '../read-your-writes/read-model-sources';
import { insertEvent, type QueryTestDatabase, setCheckpoint, startQueryTestDatabase } from '@switchboard/read-models/testing';

const HOUR = 3_600_000;

describe('projection status', () => {
  let t: QueryTestDatabase;
  let handler: ProjectionStatusHandler;
  const { dialogList, dialogMessages, assignmentAudit, savedReplies, savedReplyUses, reminders } = readModelSources;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new ProjectionStatusHandler(t.db, Object.values(readModelSources));
    await insertEvent(t.pool, { position: 1, type: 'DialogOpened', streamId: 'dialog-x', ageMs: 3 * HOUR });
    await insertEvent(t.pool, { position: 2, type: 'MessageSent', streamId: 'dialog-x', ageMs: 2 * HOUR });
    await insertEvent(t.pool, { position: 3, type: 'OperatorRegistered', streamId: 'operator-op-a', ageMs: 2 * HOUR });
    await insertEvent(t.pool, { position: 4, type: 'MessageSent', streamId: 'dialog-x', ageMs: HOUR });
    await insertEvent(t.pool, { position: 5, type: 'NoteAdded', streamId: 'dialog-x', ageMs: HOUR });
    await insertEvent(t.pool, { position: 6, type: 'TagAdded', streamId: 'dialog-x' });
    await setCheckpoint(t.pool, dialogList.name, 2);
    await setCheckpoint(t.pool, dialogMessages.name, 4, { position: 5, type: 'NoteAdded', error: 'Error: boom' });
    await setCheckpoint(t.pool, 'write-side.assignments', null);
    // As on a database no projector has run against yet.
    await t.pool.query(`DELETE FROM projections.checkpoints WHERE name = $1`, [assignmentAudit.name]);
  });
  afterAll(() => t.close());

  const statusOf = async (name: string) => (await handler.execute()).find((status) => status.name === name);

  it("counts the events a read model follows after its position, and the oldest one's age", async () => {
    const status = await statusOf(dialogList.name);
    // 3 is an operator's event, which the dialog list does not follow.
    expect(status).toMatchObject({ position: '2', status: 'running', failure: null, lag: { events: 3, capped: false, filtered: true } });
    expect(status?.lag.oldestEventAgeMs).toBeGreaterThanOrEqual(HOUR);
    expect(status?.lag.oldestEventAgeMs).toBeLessThan(HOUR + 60_000);
  });

  it('shows a failed projection with the event it stopped at', async () => {
    expect(await statusOf(dialogMessages.name)).toMatchObject({
      position: '4',
      status: 'failed',
      lag: { events: 1 },
      failure: { eventId: expect.any(String), eventType: 'NoteAdded', position: '5', error: 'Error: boom' },
    });
  });

  it('lists a read model that never ran, and counts unknown projections against the whole log', async () => {
    expect(await statusOf(assignmentAudit.name)).toMatchObject({ position: null, status: 'not_started', lag: { events: 1 }, updatedAt: null });
    expect(await statusOf('write-side.assignments')).toMatchObject({ position: null, lag: { events: 6, filtered: false } });
    expect((await handler.execute()).map((status) => status.name)).toEqual(
      [assignmentAudit.name, dialogList.name, dialogMessages.name, savedReplies.name, savedReplyUses.name, reminders.name, 'write-side.assignments'].sort(),
    );
  });

  it('counts only the events a projection follows, by the filter its runner recorded, also outside the read models', async () => {
    // A reaction of the write side that took the opening and ignores messages: nothing is behind.
    await new CheckpointStore(t.pool).load('write-side.openings', { eventTypes: ['DialogOpened'] });
    await setCheckpoint(t.pool, 'write-side.openings', 1);
    expect(await statusOf('write-side.openings')).toMatchObject({ position: '1', lag: { events: 0, oldestEventAgeMs: null, filtered: true } });
    await new CheckpointStore(t.pool).load('write-side.everything', {});
    await setCheckpoint(t.pool, 'write-side.everything', 4);
    expect(await statusOf('write-side.everything')).toMatchObject({ lag: { events: 2, filtered: true } });
    await t.pool.query(`DELETE FROM projections.checkpoints WHERE name LIKE 'write-side.%' AND name <> 'write-side.assignments'`);
  });

  it('shows the live generation and the one being built side by side during a rebuild', async () => {
    const catalog = new GenerationCatalog(t.pool);
    const building = await catalog.create(new DialogListProjection());
    await setCheckpoint(t.pool, checkpointNameOf(building), 1);
    const statuses = await handler.execute();
    expect(statuses.find((s) => s.name === dialogList.name)).toMatchObject({
      position: '2',
      generation: { number: 1, version: new DialogListProjection().readModel.version, role: 'live', liveAt: expect.any(Date) },
    });
    expect(statuses.find((s) => s.name === `${dialogList.name}@g2`)).toMatchObject({
      position: '1',
      status: 'running',
      lag: { events: 4, filtered: true },
      generation: { number: 2, version: new DialogListProjection().readModel.version, role: 'building', liveAt: null },
    });
    expect(statuses.find((s) => s.name === 'write-side.assignments')?.generation).toBeNull();
  });

  it('skips a failed event, says so to the projector, and refuses what is not failed or not there', async () => {
    const listener = new Client({ connectionString: t.url });
    await listener.connect();
    const notified = new Promise<string | undefined>((resolve) => listener.on('notification', (message) => resolve(message.payload)));
    await listener.query(`LISTEN ${PROJECTION_SKIPPED_CHANNEL}`);
    try {
      expect(await skipFailedEvent(t.db, dialogMessages.name)).toBe('skipped');
      expect(await notified).toBe(dialogMessages.name);
      expect(await statusOf(dialogMessages.name)).toMatchObject({ position: '5', status: 'running', failure: null, lag: { events: 0 } });
      expect(await skipFailedEvent(t.db, dialogMessages.name)).toBe('not_failed');
      expect(await skipFailedEvent(t.db, 'no-such-projection')).toBe('not_found');
    } finally {
      await listener.end();
    }
  });
});
