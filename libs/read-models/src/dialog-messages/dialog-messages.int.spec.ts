import {
  allProjections,
  ann,
  bob,
  catchUp,
  dialogs,
  gateway,
  invoice,
  isoAt,
  type ReadModelsTestKit,
  startTestKit,
  supervisor,
  SupportScript,
  writeSupportScenario,
} from '@switchboard/read-models/testing';

// A dialog handed around, left and closed as spam: the system entries the support scenario lacks.
const handedAround = '55555555-5555-4555-8555-555555555555';

async function handAround(script: SupportScript): Promise<void> {
  await script.dialog(
    { type: 'OpenDialog', data: { dialogId: handedAround, direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'client-eve' } } },
    { actor: gateway, minute: 50 },
  );
  await script.dialog({ type: 'AssignOperator', data: { dialogId: handedAround, operatorId: 'op-ann' } }, { actor: ann, minute: 51 });
  await script.dialog({ type: 'TransferToOperator', data: { dialogId: handedAround, operatorId: 'op-bob' } }, { actor: ann, minute: 52 });
  await script.dialog({ type: 'JoinDialog', data: { dialogId: handedAround } }, { actor: ann, minute: 53 });
  await script.dialog({ type: 'LeaveDialog', data: { dialogId: handedAround } }, { actor: ann, minute: 54 });
  await script.dialog({ type: 'AssignOperator', data: { dialogId: handedAround, operatorId: null } }, { actor: supervisor, minute: 55 });
  await script.dialog({ type: 'ForceCloseAsSpam', data: { dialogId: handedAround } }, { actor: bob, minute: 56 });
}

describe('dialog messages', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    const script = new SupportScript(kit.store);
    await writeSupportScenario(script);
    await handAround(script);
    await catchUp(kit, allProjections(), 5);
  });
  afterAll(() => kit.close());

  it('keeps the messages and notes of a dialog in log order, with their authors', async () => {
    const { rows } = await kit.pool.query(
      `SELECT item_id, kind, author_kind, author_id, text, occurred_at FROM read_models.dialog_messages
        WHERE dialog_id = $1 AND kind <> 'system' ORDER BY position`,
      [dialogs.refund],
    );
    expect(rows.map((r) => ({ ...r, occurred_at: r.occurred_at.toISOString() }))).toEqual([
      {
        item_id: 'c1',
        kind: 'message',
        author_kind: 'client',
        author_id: 'client-ann-lee',
        text: 'Hello, my order 1234 has not arrived',
        occurred_at: isoAt(2),
      },
      { item_id: 'c2', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'It was due yesterday', occurred_at: isoAt(3) },
      { item_id: 'o1', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'Let me check the tracking', occurred_at: isoAt(5) },
      { item_id: 'c3', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'Thanks', occurred_at: isoAt(6) },
      { item_id: 'n1', kind: 'note', author_kind: 'operator', author_id: 'op-bob', text: 'Courier lost the parcel', occurred_at: isoAt(9) },
      { item_id: 'o2', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'A new parcel is on its way', occurred_at: isoAt(14) },
      {
        item_id: 'c4',
        kind: 'message',
        author_kind: 'client',
        author_id: 'client-ann-lee',
        text: 'One more question: can I change the address?',
        occurred_at: isoAt(21),
      },
      { item_id: 'o3', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'Sure, done', occurred_at: isoAt(23) },
    ]);
  });

  const systemEntriesOf = async (dialogId: string) =>
    (
      await kit.pool.query(
        `SELECT action, actor_kind || ':' || actor_id AS actor, operator_id, previous_operator_id, from_line_id, to_line_id, reason, occurred_at
           FROM read_models.dialog_messages WHERE dialog_id = $1 AND kind = 'system' ORDER BY position`,
        [dialogId],
      )
    ).rows.map((r) => ({ ...r, occurred_at: r.occurred_at.toISOString() }));
  const entry = (minute: number, action: string, actor: string, fields: Record<string, string | null> = {}) => ({
    action,
    actor,
    operator_id: null,
    previous_operator_id: null,
    from_line_id: null,
    to_line_id: null,
    reason: null,
    ...fields,
    occurred_at: isoAt(minute),
  });

  it('puts a system entry in the timeline for each assignment, transfer, take, join, close and reopen, with who did it', async () => {
    expect(await systemEntriesOf(dialogs.refund)).toEqual([
      entry(5, 'assigned', 'operator:op-ann', { operator_id: 'op-ann', reason: 'first_reply' }),
      entry(8, 'assigned', 'supervisor:sup-1', { operator_id: 'op-bob', previous_operator_id: 'op-ann', reason: 'manual' }),
      entry(11, 'unassigned', 'operator:op-bob', { previous_operator_id: 'op-bob', reason: 'transferred_to_line' }),
      entry(11, 'transferred_to_line', 'operator:op-bob', { from_line_id: 'sales', to_line_id: 'support' }),
      // The take's assignment is not shown twice: the entry of the take says it.
      entry(12, 'taken_into_work', 'operator:op-ann', { operator_id: 'op-ann' }),
      entry(13, 'joined', 'operator:op-bob', { operator_id: 'op-bob', reason: 'joined' }),
      entry(15, 'closed', 'operator:op-ann', { operator_id: 'op-ann', reason: 'awaiting_rating' }),
      entry(20, 'reopened', 'operator:op-ann', { operator_id: 'op-ann' }),
      entry(25, 'closed', 'operator:op-ann', { operator_id: 'op-ann' }),
    ]);
  });

  it('puts transfers to an operator, leaving, unassigning and closing as spam in the timeline too', async () => {
    expect(await systemEntriesOf(handedAround)).toEqual([
      entry(51, 'assigned', 'operator:op-ann', { operator_id: 'op-ann', reason: 'self' }),
      entry(52, 'transferred_to_operator', 'operator:op-ann', { operator_id: 'op-bob', previous_operator_id: 'op-ann', reason: 'transfer' }),
      entry(53, 'joined', 'operator:op-ann', { operator_id: 'op-ann', reason: 'joined' }),
      entry(54, 'left', 'operator:op-ann', { operator_id: 'op-ann', reason: 'left' }),
      entry(55, 'unassigned', 'supervisor:sup-1', { previous_operator_id: 'op-bob', reason: 'manual' }),
      entry(56, 'closed_as_spam', 'operator:op-bob', { operator_id: 'op-bob' }),
    ]);
  });

  it('keeps attachments as recorded', async () => {
    const { rows } = await kit.pool.query(`SELECT attachments FROM read_models.dialog_messages WHERE dialog_id = $1 AND item_id = 'b1'`, [dialogs.busy]);
    expect(rows).toEqual([{ attachments: [invoice] }]);
  });

  it('finds messages and notes by their words, in any language, without stemming', async () => {
    const search = async (text: string) =>
      (
        await kit.pool.query(`SELECT item_id FROM read_models.dialog_messages WHERE search @@ websearch_to_tsquery('simple', $1) ORDER BY position`, [text])
      ).rows.map((r) => r.item_id);
    expect(await search('parcel')).toEqual(['n1', 'o2']);
    expect(await search('"change the address"')).toEqual(['c4']);
    expect(await search('news')).toEqual(['b3']);
    const plan = await kit.pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'dialog_messages_search'`);
    expect(plan.rows[0].indexdef).toContain('gin (search)');
  });
});
