import { allProjections, catchUp, startTestKit, type ReadModelsTestKit } from '../testing/read-models-test-kit';
import { SupportScript, isoAt } from '../testing/support-script';
import { dialogs, invoice, writeSupportScenario } from '../testing/support-scenario';

describe('dialog messages', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 5);
  });
  afterAll(() => kit.close());

  it('keeps the messages and notes of a dialog in log order, with their authors', async () => {
    const { rows } = await kit.pool.query(
      `SELECT item_id, kind, author_kind, author_id, text, occurred_at FROM read_models.dialog_messages
        WHERE dialog_id = $1 ORDER BY position`,
      [dialogs.refund],
    );
    expect(rows.map((r) => ({ ...r, occurred_at: r.occurred_at.toISOString() }))).toEqual([
      { item_id: 'c1', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'Hello, my order 1234 has not arrived', occurred_at: isoAt(2) },
      { item_id: 'c2', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'It was due yesterday', occurred_at: isoAt(3) },
      { item_id: 'o1', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'Let me check the tracking', occurred_at: isoAt(5) },
      { item_id: 'c3', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'Thanks', occurred_at: isoAt(6) },
      { item_id: 'n1', kind: 'note', author_kind: 'operator', author_id: 'op-bob', text: 'Courier lost the parcel', occurred_at: isoAt(9) },
      { item_id: 'o2', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'A new parcel is on its way', occurred_at: isoAt(14) },
      { item_id: 'c4', kind: 'message', author_kind: 'client', author_id: 'client-ann-lee', text: 'One more question: can I change the address?', occurred_at: isoAt(21) },
      { item_id: 'o3', kind: 'message', author_kind: 'operator', author_id: 'op-ann', text: 'Sure, done', occurred_at: isoAt(23) },
    ]);
  });

  it('keeps attachments as recorded', async () => {
    const { rows } = await kit.pool.query(
      `SELECT attachments FROM read_models.dialog_messages WHERE dialog_id = $1 AND item_id = 'b1'`,
      [dialogs.busy],
    );
    expect(rows).toEqual([{ attachments: [invoice] }]);
  });

  it('finds messages and notes by their words, in any language, without stemming', async () => {
    const search = async (text: string) =>
      (
        await kit.pool.query(
          `SELECT item_id FROM read_models.dialog_messages WHERE search @@ websearch_to_tsquery('simple', $1) ORDER BY position`,
          [text],
        )
      ).rows.map((r) => r.item_id);
    expect(await search('parcel')).toEqual(['n1', 'o2']);
    expect(await search('"change the address"')).toEqual(['c4']);
    expect(await search('news')).toEqual(['b3']);
    const plan = await kit.pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'dialog_messages_search'`);
    expect(plan.rows[0].indexdef).toContain('gin (search)');
  });
});
