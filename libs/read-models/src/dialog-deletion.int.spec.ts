import { isDomainError } from '@switchboard/dialogs';
import {
  admin,
  allProjections,
  catchUp,
  clientWrites,
  dialogs,
  isoAt,
  type ReadModelsTestKit,
  rebuild,
  rowsOfDialog,
  snapshotReadModels,
  startTestKit,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

const dropped = ['dialog_list', 'dialog_messages', 'status_history', 'response_intervals', 'assignment_responses'];

/** An admin deletes one dialog: every read model of the conversation drops it, the audit trail and the events stay. */
describe('dialog deletion', () => {
  let kit: ReadModelsTestKit;
  let script: SupportScript;
  const projections = allProjections();
  const rowsOf = (dialogId: string, tables: readonly string[]) => rowsOfDialog(kit.pool, dialogId, tables);

  beforeAll(async () => {
    kit = await startTestKit();
    script = new SupportScript(kit.store);
    await writeSupportScenario(script);
    await catchUp(kit, projections);
  });
  afterAll(() => kit.close());

  it('drops the dialog from the list, its timeline, history, intervals and credited responses', async () => {
    expect(Object.values(await rowsOf(dialogs.refund, dropped)).every((n) => n > 0)).toBe(true);
    const auditBefore = await rowsOf(dialogs.refund, ['assignment_audit']);
    await script.dialog({ type: 'DeleteDialog', data: { dialogId: dialogs.refund, reason: 'Opened by a test' } }, { actor: admin, minute: 50 });
    await catchUp(kit, projections);

    expect(await rowsOf(dialogs.refund, dropped)).toEqual(Object.fromEntries(dropped.map((table) => [table, 0])));
    // Who gave the dialog to whom stays answerable: the audit keeps its trail.
    expect(await rowsOf(dialogs.refund, ['assignment_audit'])).toEqual(auditBefore);
    expect(auditBefore.assignment_audit).toBeGreaterThan(0);
    const { rows } = await kit.pool.query(`SELECT line_id, deleted_at FROM read_models.dialog_list_deleted WHERE dialog_id = $1`, [dialogs.refund]);
    expect(rows).toEqual([{ line_id: 'support', deleted_at: new Date(isoAt(50)) }]);
  });

  it('keeps every event, the deletion with who and why among them', async () => {
    const { rows } = await kit.pool.query(`SELECT type, data FROM event_store.events WHERE stream_id = $1 ORDER BY position`, [`dialog-${dialogs.refund}`]);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.at(-1)).toEqual({
      type: 'DialogDeleted',
      data: { dialogId: dialogs.refund, deletedBy: 'admin-1', reason: 'Opened by a test', occurredAt: isoAt(50) },
    });
  });

  it('leaves the other dialogs as they were', async () => {
    const { rows } = await kit.pool.query(`SELECT dialog_id FROM read_models.dialog_list ORDER BY number`);
    expect(rows.map((row) => row.dialog_id)).toEqual([dialogs.waiting, dialogs.busy]);
  });

  it('refuses later commands on the deleted dialog, so it never comes back half-built', async () => {
    const refused = await clientWrites(script, dialogs.refund, 'late', 'Hello again?', 51).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.code).toBe('dialog_deleted');
    await catchUp(kit, projections);
    expect(await rowsOf(dialogs.refund, dropped)).toEqual(Object.fromEntries(dropped.map((table) => [table, 0])));
  });

  it('stays dropped when the read models are rebuilt, in large batches or one event at a time', async () => {
    const live = await snapshotReadModels(kit.pool);
    await rebuild(kit, projections, 5000);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
    await rebuild(kit, projections, 1);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });
});
