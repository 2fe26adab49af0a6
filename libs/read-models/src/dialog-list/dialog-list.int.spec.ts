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

const minutes = (n: number) => String(n * 60_000);

describe('dialog list', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 4);
  });
  afterAll(() => kit.close());

  const row = async (dialogId: string) => (await kit.pool.query(`SELECT * FROM read_models.dialog_list WHERE dialog_id = $1`, [dialogId])).rows[0];
  const iso = (value: Date | null) => value?.toISOString() ?? null;

  it('lists every column of a dialog that went through the whole lifecycle', async () => {
    const refund = await row(dialogs.refund);
    expect(refund).toMatchObject({
      number: '1',
      line_id: 'support',
      direction: 'inbound',
      channel: 'telegram',
      general_status: 'closed',
      detailed_status: 'closed',
      journal_status: 'inactive',
      is_spam: false,
      client_id: 'client-ann-lee',
      client_name: 'Ann Lee',
      assignee_id: 'op-ann',
      participants: ['op-bob'],
      tags: ['delivery'],
      crm_link: { kind: 'order', id: '1234', url: 'https://crm.example/orders/1234' },
      page_url: 'https://shop.example/orders',
      form_filled: true,
      history_requested: false,
      pinned_to: 'op-ann',
      client_rating: 5,
      client_comment: 'Quick help',
      review_score: 4,
      review_comment: 'Polite, slow at first',
      reviewer_id: 'sup-1',
      previous_dialog_id: null,
    });
    expect({
      created: iso(refund.created_at),
      queued: iso(refund.queued_at),
      firstReply: iso(refund.first_operator_reply_at),
      workStarted: iso(refund.work_started_at),
      lastMessage: iso(refund.last_message_at),
      closedByOperator: iso(refund.closed_by_operator_at),
      closed: iso(refund.closed_at),
      lastChanged: iso(refund.last_changed_at),
      waitingSince: iso(refund.waiting_since),
    }).toEqual({
      created: isoAt(1),
      queued: isoAt(11),
      firstReply: isoAt(5),
      workStarted: isoAt(12),
      lastMessage: isoAt(23),
      closedByOperator: isoAt(25),
      closed: isoAt(25),
      lastChanged: isoAt(30),
      waitingSince: null,
    });
    // Intervals: 2→5 (3 min), 6→14 (8 min), after the reopen 21→23 (2 min).
    expect(refund).toMatchObject({
      wait_for_first_reply_ms: minutes(3),
      time_to_start_of_work_ms: minutes(11),
      time_to_close_by_operator_ms: minutes(24),
      duration_ms: minutes(21),
      first_message_response_ms: minutes(3),
      bot_time_ms: null,
      total_response_ms: minutes(13),
      average_response_ms: String(Math.round((13 * 60_000) / 3)),
      max_response_ms: minutes(8),
      response_count: 3,
    });
  });

  it('numbers dialogs in the log order of their openings and keeps numbers of deleted dialogs taken', async () => {
    const { rows } = await kit.pool.query(`SELECT dialog_id, number FROM read_models.dialog_list ORDER BY number`);
    expect(rows).toEqual([
      { dialog_id: dialogs.refund, number: '1' },
      { dialog_id: dialogs.waiting, number: '3' },
      { dialog_id: dialogs.busy, number: '4' },
    ]);
    const counter = await kit.pool.query(`SELECT value FROM read_models.counters WHERE name = 'dialog_number'`);
    expect(counter.rows[0].value).toBe('4');
  });

  it('shows a dialog still waiting for its first answer', async () => {
    expect(await row(dialogs.waiting)).toMatchObject({
      general_status: 'client_waiting',
      detailed_status: 'new',
      journal_status: 'unassigned',
      assignee_id: null,
      participants: [],
      tags: [],
      waiting_since: new Date(isoAt(4)),
      wait_for_first_reply_ms: null,
      response_count: 0,
    });
  });

  it('finds dialogs by words of the client name and of the messages', async () => {
    const search = async (text: string) =>
      (
        await kit.pool.query(`SELECT dialog_id FROM read_models.dialog_list WHERE search @@ websearch_to_tsquery('simple', $1) ORDER BY number`, [text])
      ).rows.map((r) => r.dialog_id);
    expect(await search('carl')).toEqual([dialogs.waiting]);
    expect(await search('parcel address')).toEqual([dialogs.refund]);
    expect(await search('order')).toEqual([dialogs.refund]);
    expect(await search('bulk orders')).toEqual([dialogs.waiting]);
    // Notes are internal: their words do not find the dialog.
    expect(await search('courier')).toEqual([]);
  });

  it('filters by tag and answers the operator workload from its own index', async () => {
    const tagged = await kit.pool.query(`SELECT dialog_id FROM read_models.dialog_list WHERE tags @> ARRAY['delivery']`);
    expect(tagged.rows).toEqual([{ dialog_id: dialogs.refund }]);
    const workload = await kit.pool.query(
      `SELECT assignee_id, detailed_status, count(*)::int AS open FROM read_models.dialog_list
        WHERE journal_status = 'active' GROUP BY assignee_id, detailed_status`,
    );
    // The refund dialog is closed and the waiting one unassigned: only Bob carries open work.
    expect(workload.rows).toEqual([{ assignee_id: 'op-bob', detailed_status: 'client_waiting', open: 1 }]);
  });

  it('keeps an index for each list query', async () => {
    const { rows } = await kit.pool.query(
      `SELECT indexdef FROM pg_indexes i JOIN projections.generations g ON g.schema_name = i.schemaname
        WHERE g.projection = 'read-models.dialog-list' AND g.status = 'live' AND i.tablename = 'dialog_list'`,
    );
    const definitions = rows.map((r) => r.indexdef as string).join('\n');
    for (const part of [
      '(last_changed_at DESC, dialog_id DESC)',
      '(assignee_id, general_status, last_changed_at DESC)',
      '(line_id, last_changed_at DESC)',
      '(channel, last_changed_at DESC)',
      '(general_status, last_changed_at DESC)',
      '(detailed_status, last_changed_at DESC)',
      '(created_at, dialog_id)',
      '(wait_for_first_reply_ms, dialog_id)',
      "WHERE (journal_status = 'active'::text)",
      'gin (tags)',
      'gin (search)',
    ]) {
      expect(definitions).toContain(part);
    }
  });
});
