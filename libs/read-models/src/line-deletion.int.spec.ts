import {
  allProjections,
  catchUp,
  clientWrites,
  dialogs,
  isoAt,
  type ReadModelsTestKit,
  rowsOfDialog,
  startTestKit,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

const tables = ['dialog_list', 'dialog_messages', 'status_history', 'assignment_audit', 'response_intervals'];

describe('line deletion', () => {
  let kit: ReadModelsTestKit;
  let script: SupportScript;
  const projections = allProjections();
  beforeAll(async () => {
    kit = await startTestKit();
    script = new SupportScript(kit.store);
    await writeSupportScenario(script);
    await catchUp(kit, projections);
  });
  afterAll(() => kit.close());

  const rowsOf = (dialogId: string) => rowsOfDialog(kit.pool, dialogId, tables);

  it('drops the dialogs of a deleted line from every dialog read model; the events stay', async () => {
    expect(await rowsOf(dialogs.legacy)).toEqual({
      dialog_list: 0,
      dialog_messages: 0,
      status_history: 0,
      assignment_audit: 0,
      response_intervals: 0,
    });
    const events = await kit.pool.query(`SELECT count(*)::int AS n FROM event_store.events WHERE stream_id = $1`, [`dialog-${dialogs.legacy}`]);
    expect(events.rows[0].n).toBe(4);
    const { rows } = await kit.pool.query(`SELECT dialog_id, line_id, deleted_at FROM read_models.dialog_list_deleted`);
    expect(rows).toEqual([{ dialog_id: dialogs.legacy, line_id: 'legacy', deleted_at: new Date(isoAt(40)) }]);
  });

  it('keeps the dialogs of other lines, including one transferred out of a line before', async () => {
    expect(await rowsOf(dialogs.refund)).toEqual({
      dialog_list: 1,
      // 8 messages and notes, 9 system entries
      dialog_messages: 17,
      status_history: 12,
      assignment_audit: 4,
      response_intervals: 3,
    });
  });

  it('ignores later events of a deleted dialog, so it never comes back half-built', async () => {
    await clientWrites(script, dialogs.legacy, 'l3', 'Hello again?', 41);
    await catchUp(kit, projections);
    expect((await rowsOf(dialogs.legacy)).dialog_messages).toBe(0);
    expect((await rowsOf(dialogs.legacy)).dialog_list).toBe(0);
  });
});
