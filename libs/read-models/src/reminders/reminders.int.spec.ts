import type { Actor } from '@switchboard/dialogs';
import type { Pool } from 'pg';
import { ListRemindersHandler, type ListRemindersQuery } from '../queries/list-reminders/list-reminders.handler';
import type { ReadDatabase } from '../queries/shared/read-database';
import { catchUp, isoAt, type ReadModelsTestKit, rebuild, snapshotReadModels, startTestKit, SupportScript } from '@switchboard/read-models/testing';
import { RemindersProjection } from './reminders.projection';

const alice: Actor = { kind: 'operator', id: 'op-alice' };
const bob: Actor = { kind: 'operator', id: 'op-bob' };
const clock: Actor = { kind: 'system', id: 'reminder-clock' };
const dialog = '9d1e2f3a-0000-4000-8000-000000000001';
const other = '9d1e2f3a-0000-4000-8000-000000000002';
const reminder = (n: number) => `5c4b3a29-0000-4000-8000-00000000000${n}`;

const readDatabase = (pool: Pool): ReadDatabase => ({ query: async (sql, params) => (await pool.query(sql, [...params])).rows });

describe('reminders read model', () => {
  let kit: ReadModelsTestKit;
  let script: SupportScript;
  let notes: (query: Partial<ListRemindersQuery> & { viewer: Actor }) => Promise<(string | null)[]>;
  const projection = new RemindersProjection();

  beforeAll(async () => {
    kit = await startTestKit();
    const handler = new ListRemindersHandler(readDatabase(kit.pool));
    notes = async (query) => (await handler.execute({ status: 'open', limit: 50, ...query })).map((r) => r.note);
    script = new SupportScript(kit.store);
    const set = (n: number, dialogId: string, dueMinute: number, note: string | null, actor: Actor) =>
      script.reminder({ type: 'SetReminder', data: { reminderId: reminder(n), dialogId, dueAt: isoAt(dueMinute), note } }, { actor, minute: 1 });
    await set(1, dialog, 30, 'call back', alice);
    await set(2, other, 10, 'send invoice', alice);
    await set(3, dialog, 20, null, alice);
    await set(4, dialog, 5, 'bob’s', bob);
    await set(5, dialog, 40, 'done soon', alice);
    await script.reminder({ type: 'CompleteReminder', data: { reminderId: reminder(5) } }, { actor: alice, minute: 2 });
    await script.reminder({ type: 'CancelReminder', data: { reminderId: reminder(3) } }, { actor: alice, minute: 2 });
    for (const n of [2, 4, 1]) await script.reminder({ type: 'RecordReminderDue', data: { reminderId: reminder(n) } }, { actor: clock, minute: 11 });
    await catchUp(kit, [projection]);
  });
  afterAll(() => kit.close());

  it("shows each person their own open reminders, soonest first, never another's", async () => {
    expect(await notes({ viewer: alice })).toEqual(['send invoice', 'call back']);
    expect(await notes({ viewer: bob })).toEqual(['bob’s']);
  });

  it('filters by dialog, by whether the log recorded it due, and by status', async () => {
    expect(await notes({ viewer: alice, dialogId: dialog })).toEqual(['call back']);
    // Reminder 1 was not due at minute 11: the clock recorded nothing for it.
    expect(await notes({ viewer: alice, due: true })).toEqual(['send invoice']);
    expect(await notes({ viewer: alice, due: false })).toEqual(['call back']);
    expect(await notes({ viewer: bob, due: true })).toEqual(['bob’s']);
    const [due] = await new ListRemindersHandler(readDatabase(kit.pool)).execute({ viewer: alice, status: 'open', due: true, limit: 5 });
    expect(due).toMatchObject({ reminderId: reminder(2), fellDueAt: new Date(isoAt(11)) });
    expect(await notes({ viewer: alice, status: 'completed' })).toEqual(['done soon']);
    const [cancelled] = await new ListRemindersHandler(readDatabase(kit.pool)).execute({ viewer: alice, status: 'cancelled', limit: 5 });
    expect(cancelled).toMatchObject({ reminderId: reminder(3), dialogId: dialog, note: null, dueAt: new Date(isoAt(20)), finishedAt: new Date(isoAt(2)) });
  });

  it("drops a deleted dialog's reminders, and keeps one set in a race with the deletion from coming back", async () => {
    await script.dialog(
      { type: 'OpenDialog', data: { dialogId: other, direction: 'inbound', channel: 'web', lineId: 'sales', client: { id: 'c-1' } } },
      { actor: { kind: 'service', id: 'web' }, minute: 0 },
    );
    await script.dialog({ type: 'DeleteDialog', data: { dialogId: other, reason: 'spam bot' } }, { actor: { kind: 'admin', id: 'admin-1' }, minute: 12 });
    await script.reminder(
      { type: 'SetReminder', data: { reminderId: reminder(6), dialogId: other, dueAt: isoAt(60), note: 'raced' } },
      { actor: alice, minute: 12 },
    );
    await catchUp(kit, [projection]);
    expect(await notes({ viewer: alice })).toEqual(['call back']);
    expect(await notes({ viewer: alice, dialogId: other })).toEqual([]);
  });

  it('is the same after a rebuild', async () => {
    const before = await snapshotReadModels(kit.pool);
    expect(before.reminders).toHaveLength(4);
    expect(before.reminders_deleted_dialogs).toEqual([{ dialog_id: other }]);
    await rebuild(kit, [projection], 2);
    const after = await snapshotReadModels(kit.pool);
    expect([after.reminders, after.reminders_deleted_dialogs]).toEqual([before.reminders, before.reminders_deleted_dialogs]);
  });
});
