import request from 'supertest';
import { eventually } from '@switchboard/testing';
import { TestReceiver } from '@switchboard/webhooks/testing';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError } from './support/problem';
import { SseClient } from './support/sse-client';
import { authAs as as } from './support/tokens';

/**
 * A reminder falling due over HTTP: the projector records DialogReminderDue once, the log, its
 * live stream and a webhook carry it, and the dialog list and the reminders show it to the one
 * who set it; closing the dialog cancels what is left.
 */
describe('reminders falling due, end to end', () => {
  let edge: EdgeTestApp;
  const receiver = new TestReceiver();
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const channel = as('service', 'telegram');
  const alice = as('operator', 'op-alice');
  const bob = as('operator', 'op-bob');
  const http = () => request(edge.app.getHttpServer());
  let position = '0';
  const remember = (response: request.Response) => {
    position = (response.body as { position: string }).position;
    return response;
  };
  const open = async (): Promise<string> => {
    const body = { direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } };
    return remember(await http().post('/dialogs').set(channel).send(body).expect(201)).body.dialogId as string;
  };
  const listed = async (auth: Record<string, string>, query: Record<string, string>): Promise<string[]> =>
    (
      (
        await http()
          .get('/dialogs')
          .query({ ...query, minPosition: position })
          .set(auth)
          .expect(200)
      ).body.items as { dialogId: string }[]
    ).map((d) => d.dialogId);
  const reminders = async (auth: Record<string, string>, query: Record<string, string> = {}) =>
    (
      await http()
        .get('/reminders')
        .query({ ...query, minPosition: position })
        .set(auth)
        .expect(200)
    ).body.items as {
      reminderId: string;
      status: string;
      fellDueAt: string | null;
    }[];
  const dueEvents = async () =>
    (await http().get('/events').query({ types: 'DialogReminderDue' }).set(admin).expect(200)).body.events as {
      position: string;
      data: { reminderId: string; operatorId: string };
    }[];

  beforeAll(async () => {
    const hooks = await receiver.start();
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0', REMINDER_SWEEP_MS: '50', WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_POLL_MS: '50' });
    await http().post('/lines').set(admin).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
    await http()
      .post('/webhooks')
      .set(admin)
      .send({ url: hooks, eventTypes: ['DialogReminderDue'] })
      .expect(201);
  });
  afterAll(async () => {
    await edge.stop();
    await receiver.stop();
  });

  it('records the reminder due once, and tells the log, its live stream and the webhook', async () => {
    const stream = await SseClient.connect(edge.app, '/events?category=reminder', admin);
    const dialogId = await open();
    const dueAt = new Date(Date.now() + 800).toISOString();
    const set = remember(await http().post(`/dialogs/${dialogId}/reminders`).set(alice).send({ dueAt, note: 'call back' }).expect(201));
    const reminderId = (set.body.streamId as string).replace('reminder-', '');
    expect(await reminders(alice, { due: 'true' })).toEqual([]);

    // The reminder's own stream, by its category: set, then due.
    await stream.until(() => stream.events.length >= 2);
    const [setLive, live] = stream.events.map((event) => JSON.parse(event.data) as { type: string; data: object });
    expect(setLive).toMatchObject({ type: 'ReminderSet', data: { reminderId, dialogId } });
    expect(live).toMatchObject({ type: 'DialogReminderDue', data: { reminderId, dialogId, operatorId: 'op-alice', dueAt: new Date(dueAt).toISOString() } });
    stream.close();
    await eventually(() => receiver.delivered.some((r) => r.eventType === 'DialogReminderDue'), 'the webhook delivers it');
    expect(receiver.delivered[0].event).toMatchObject({ type: 'DialogReminderDue', streamId: `reminder-${reminderId}` });

    const recorded = await dueEvents();
    expect(recorded.map((event) => event.data.reminderId)).toEqual([reminderId]);
    position = recorded[0].position;
    expect(await reminders(alice, { due: 'true' })).toEqual([expect.objectContaining({ reminderId, status: 'open', fellDueAt: expect.any(String) })]);
    // Many sweeps later, still once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await dueEvents()).toHaveLength(1);
  });

  it('filters the dialog list by a due reminder of the caller, not of anyone else', async () => {
    const [due] = await reminders(alice, { due: 'true' });
    const withDue = (await dueEvents())[0].data;
    expect(due.reminderId).toBe(withDue.reminderId);
    const other = await open();
    const dialogs = await listed(supervisor, {});
    const dueDialog = dialogs.find((id) => id !== other)!;
    expect(await listed(alice, { reminderDue: 'true' })).toEqual([dueDialog]);
    expect(await listed(alice, { reminderDue: 'false' })).toEqual([other]);
    expect(await listed(bob, { reminderDue: 'true' })).toEqual([]);
    expect(await listed(supervisor, { reminderDue: 'true' })).toEqual([]);
    expectFieldError(await http().get('/dialogs').query({ reminderDue: 'soon' }).set(alice), 'reminderDue');
  });

  it("cancels the dialog's open reminders when it is closed, and it leaves the filter", async () => {
    const dialogId = await open();
    remember(
      await http()
        .post(`/dialogs/${dialogId}/reminders`)
        .set(alice)
        .send({ dueAt: new Date(Date.now() + 3_600_000).toISOString() })
        .expect(201),
    );
    remember(
      await http()
        .post(`/dialogs/${dialogId}/reminders`)
        .set(supervisor)
        .send({ dueAt: new Date(Date.now() + 3_600_000).toISOString() })
        .expect(201),
    );
    remember(await http().post(`/dialogs/${dialogId}/close`).set(supervisor).send({}).expect(200));
    // Each reminder is cancelled by an event of its own: wait for both, the supervisor's and alice's.
    await eventually(async () => (await reminders(supervisor, { dialogId })).length === 0, 'the reminders are cancelled');
    await eventually(async () => (await reminders(alice, { dialogId, status: 'cancelled' })).length > 0, "alice's reminder is cancelled");
    const cancelled = await reminders(alice, { dialogId, status: 'cancelled' });
    expect(cancelled).toHaveLength(1);
    const [dueOne] = await reminders(alice, { due: 'true' });
    const dueDialog = (await dueEvents())[0].data;
    expect(dueOne.reminderId).toBe(dueDialog.reminderId);
  });
});
