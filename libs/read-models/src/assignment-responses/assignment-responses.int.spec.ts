import {
  allProjections,
  catchUp,
  dialogs,
  isoAt,
  type ReadModelsTestKit,
  startTestKit,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

const at = (minute: number | null): Date | null => (minute === null ? null : new Date(isoAt(minute)));

describe('credit by history in the dialog-list projection', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 2);
  });
  afterAll(() => kit.close());

  it('keeps one row per assignment period with its first response', async () => {
    const { rows } = await kit.pool.query(
      `SELECT assignment_number, operator_id, reason, line_id, assigned_at, unassigned_at, client_waiting_at,
              first_response_at, first_responder_id, first_response_ms::int AS ms, to_char(day, 'YYYY-MM-DD') AS day
         FROM read_models.assignment_responses WHERE dialog_id = $1 ORDER BY assignment_number`,
      [dialogs.refund],
    );
    const period = (
      n: number,
      operatorId: string,
      reason: string,
      lineId: string,
      assigned: number,
      unassigned: number | null,
      waiting: number | null,
      responded: number | null,
    ) => ({
      assignment_number: n,
      operator_id: operatorId,
      reason,
      line_id: lineId,
      assigned_at: at(assigned),
      unassigned_at: at(unassigned),
      client_waiting_at: at(waiting),
      first_response_at: at(responded),
      first_responder_id: responded === null ? null : operatorId,
      ms: waiting === null || responded === null ? null : (responded - waiting) * 60_000,
      day: responded === null ? null : '2024-03-01',
    });
    // Ann's first reply claims the dialog and answers at once; the supervisor hands it to Bob while
    // the client waits, Bob sends it to the support queue unanswered; Ann takes it and answers.
    expect(rows).toEqual([
      period(1, 'op-ann', 'first_reply', 'sales', 5, 8, 5, 5),
      period(2, 'op-bob', 'manual', 'sales', 8, 11, 8, null),
      period(3, 'op-ann', 'take', 'support', 12, null, 12, 14),
    ]);
  });

  it('credits each response interval to the operator assigned when the client began to wait', async () => {
    const { rows } = await kit.pool.query(`SELECT operator_id, assignee_id FROM read_models.response_intervals WHERE dialog_id = $1 ORDER BY position`, [
      dialogs.refund,
    ]);
    // The wait from minute 6 began under Ann; Bob held it for a while, Ann answered after taking it back.
    expect(rows).toEqual([
      { operator_id: 'op-ann', assignee_id: 'op-ann' },
      { operator_id: 'op-ann', assignee_id: 'op-ann' },
      { operator_id: 'op-ann', assignee_id: 'op-ann' },
    ]);
  });

  it('counts reassignments and reopens in the list', async () => {
    const { rows } = await kit.pool.query(
      `SELECT dialog_id, reassignment_count, reopen_count FROM read_models.dialog_list WHERE dialog_id = ANY($1) ORDER BY dialog_id`,
      [[dialogs.refund, dialogs.busy]],
    );
    expect(rows).toEqual([
      { dialog_id: dialogs.refund, reassignment_count: 1, reopen_count: 1 },
      { dialog_id: dialogs.busy, reassignment_count: 0, reopen_count: 0 },
    ]);
  });
});
