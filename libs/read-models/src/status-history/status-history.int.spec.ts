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

describe('status history', () => {
  let kit: ReadModelsTestKit;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections(), 3);
  });
  afterAll(() => kit.close());

  it('records every change of general or detailed status, with the event and the actor behind it', async () => {
    const { rows } = await kit.pool.query(
      `SELECT event_type, occurred_at, actor_kind || ':' || actor_id AS actor,
              from_general_status || '/' || from_detailed_status AS "from",
              to_general_status || '/' || to_detailed_status AS "to"
         FROM read_models.status_history WHERE dialog_id = $1 ORDER BY position`,
      [dialogs.refund],
    );
    const change = (minute: number, eventType: string, actor: string, from: string | null, to: string) => ({
      event_type: eventType,
      occurred_at: new Date(isoAt(minute)),
      actor,
      from,
      to,
    });
    expect(rows).toEqual([
      change(1, 'DialogOpened', 'service:telegram-gateway', null, 'client_waiting/new'),
      change(5, 'MessageSent', 'operator:op-ann', 'client_waiting/new', 'operator_answered/operator_answered'),
      change(6, 'MessageSent', 'service:telegram-gateway', 'operator_answered/operator_answered', 'client_waiting/client_waiting_new_question'),
      change(11, 'DialogTransferredToLine', 'operator:op-bob', 'client_waiting/client_waiting_new_question', 'client_waiting/queued'),
      change(12, 'DialogTakenIntoWork', 'operator:op-ann', 'client_waiting/queued', 'client_waiting/in_work'),
      change(14, 'MessageSent', 'operator:op-ann', 'client_waiting/in_work', 'operator_answered/operator_answered'),
      change(15, 'DialogClosed', 'operator:op-ann', 'operator_answered/operator_answered', 'closed/closing'),
      change(16, 'ClientRatedDialog', 'service:telegram-gateway', 'closed/closing', 'closed/closed'),
      change(20, 'DialogReopened', 'operator:op-ann', 'closed/closed', 'operator_answered/operator_answered'),
      change(21, 'MessageSent', 'service:telegram-gateway', 'operator_answered/operator_answered', 'client_waiting/client_waiting_new_question'),
      change(23, 'MessageSent', 'operator:op-ann', 'client_waiting/client_waiting_new_question', 'operator_answered/operator_answered'),
      change(25, 'DialogClosed', 'operator:op-ann', 'operator_answered/operator_answered', 'closed/closed'),
    ]);
  });

  it('ends each dialog history at the status the dialog list shows', async () => {
    const { rows } = await kit.pool.query(
      `SELECT l.dialog_id FROM read_models.dialog_list l
         JOIN LATERAL (SELECT * FROM read_models.status_history h WHERE h.dialog_id = l.dialog_id
                        ORDER BY position DESC LIMIT 1) last ON true
        WHERE last.to_general_status <> l.general_status OR last.to_detailed_status <> l.detailed_status`,
    );
    expect(rows).toEqual([]);
  });
});
