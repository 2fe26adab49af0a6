import {
  allProjections,
  catchUp,
  dialogs,
  isoAt,
  readMatching,
  type ReadModelsTestKit,
  reassignmentRequest,
  startTestKit,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

describe('assignment audit', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 7);
  });
  afterAll(() => kit.close());

  const trail = async (where: string, params: unknown[]) =>
    (
      await kit.pool.query(
        `SELECT dialog_id, event_type, from_operator_id AS "from", to_operator_id AS "to", reason,
                actor_kind || ':' || actor_id AS by, occurred_at
           FROM read_models.assignment_audit WHERE ${where} ORDER BY occurred_at, position`,
        params,
      )
    ).rows;

  it('records who moved a dialog from whom to whom, and why', async () => {
    const entry = (minute: number, eventType: string, from: string | null, to: string | null, reason: string, by: string) => ({
      dialog_id: dialogs.refund,
      event_type: eventType,
      from,
      to,
      reason,
      by,
      occurred_at: new Date(isoAt(minute)),
    });
    expect(await trail('dialog_id = $1', [dialogs.refund])).toEqual([
      entry(5, 'OperatorAssigned', null, 'op-ann', 'first_reply', 'operator:op-ann'),
      entry(8, 'OperatorAssigned', 'op-ann', 'op-bob', 'manual', 'supervisor:sup-1'),
      entry(11, 'OperatorUnassigned', 'op-bob', null, 'transferred_to_line', 'operator:op-bob'),
      entry(12, 'OperatorAssigned', null, 'op-ann', 'take', 'operator:op-ann'),
    ]);
  });

  it('answers by operator (losing or getting the dialog), by actor, by request and by period', async () => {
    const bob = await trail(`from_operator_id = $1 OR to_operator_id = $1`, ['op-bob']);
    expect(bob.map((e) => [e.dialog_id, e.reason])).toEqual([
      [dialogs.refund, 'manual'],
      [dialogs.refund, 'transferred_to_line'],
      [dialogs.busy, 'first_reply'],
    ]);
    const bySupervisor = await trail(`actor_id = $1 AND actor_kind = $2`, ['sup-1', 'supervisor']);
    expect(bySupervisor).toHaveLength(1);
    const byRequest = await trail(`correlation_id = $1`, [reassignmentRequest]);
    expect(byRequest.map((e) => e.to)).toEqual(['op-bob']);
    const morning = await trail(`occurred_at >= $1 AND occurred_at < $2`, [isoAt(6), isoAt(12)]);
    expect(morning.map((e) => e.reason)).toEqual(['manual', 'transferred_to_line']);
  });

  it('carries the correlation and causation ids and the event of each entry', async () => {
    const { rows } = await kit.pool.query(
      `SELECT event_id, position, correlation_id, causation_id FROM read_models.assignment_audit WHERE correlation_id = $1`,
      [reassignmentRequest],
    );
    const recorded = (await readMatching(kit, undefined)).find((e) => e.id === rows[0].event_id);
    expect(recorded).toMatchObject({ type: 'OperatorAssigned', position: BigInt(rows[0].position) });
    expect(rows[0].causation_id).toBe(reassignmentRequest);
  });
});
