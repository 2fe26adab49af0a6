import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProjectionHost } from '@switchboard/projector/projection-host';
import { expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

const MESSAGES = 'read-models.dialog-messages';

/** Reads while the projector lags or a projection has failed: stale answers, /projections, skipping. */
describe('query API when the read models fall behind', () => {
  let edge: EdgeTestApp;
  let host: ProjectionHost;
  const admin = tokenFor('admin', 'admin-1');
  const channel = tokenFor('service', 'telegram');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  const runnerOf = (name: string) => {
    const runner = host.runners.find((candidate) => candidate.projection.name === name);
    if (runner === undefined) throw new Error(`no runner for ${name}`);
    return runner;
  };

  beforeAll(async () => {
    process.env.READ_YOUR_WRITES_TIMEOUT_MS = '300';
    try {
      edge = await startEdgeTestApp();
    } finally {
      delete process.env.READ_YOUR_WRITES_TIMEOUT_MS;
    }
    host = edge.app.get(ProjectionHost);
    // Runners start in the background after boot; the reads below time out in 300 ms, so they
    // begin once every read model follows the log, however many there are.
    for (const deadline = Date.now() + 20_000; !host.runners.every((runner) => runner.running);) {
      if (Date.now() > deadline) throw new Error('the projector did not start its runners');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await http().post('/lines').set(as(admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
  });
  afterAll(() => edge.stop());

  const open = async () => {
    const response = await http()
      .post('/dialogs')
      .set(as(channel))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } })
      .expect(201);
    return { dialogId: response.body.dialogId as string, position: response.body.position as string };
  };

  it('answers as it stands, marked stale, when the read models do not reach minPosition in time', async () => {
    const first = await open();
    const fresh = await http().get('/dialogs').query({ minPosition: first.position }).set(as(admin)).expect(200);
    expect(fresh.headers['x-read-model-stale']).toBeUndefined();
    expect(fresh.body.items).toHaveLength(1);

    await runnerOf('read-models.dialog-list').stop();
    const second = await open();
    const started = Date.now();
    const stale = await http().get('/dialogs').query({ minPosition: second.position }).set(as(admin)).expect(200);
    expect(stale.headers['x-read-model-stale']).toBe('true');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(stale.body.items).toHaveLength(1);

    const projections = await http().get('/projections').set(as(admin)).expect(200);
    const list = projections.body.items.find((item: { name: string }) => item.name === 'read-models.dialog-list');
    expect(list).toMatchObject({ status: 'running', lag: { events: 1, capped: false } });
    expect(list.lag.oldestEventAgeMs).toBeGreaterThanOrEqual(0);

    await runnerOf('read-models.dialog-list').start();
    const caughtUp = await http().get('/dialogs').query({ minPosition: second.position }).set(as(admin)).expect(200);
    expect(caughtUp.headers['x-read-model-stale']).toBeUndefined();
    expect(caughtUp.body.items).toHaveLength(2);
  });

  it('shows a failed projection and lets an admin skip its failed event', async () => {
    const { dialogId, position } = await open();
    const before = (await http().get(`/dialogs/${dialogId}/messages`).query({ minPosition: position }).set(as(admin)).expect(200)).body.items.length;
    // A projection that cannot handle one event: the runner retries, records it and stops.
    const runner = runnerOf(MESSAGES);
    const handle = runner.projection.handle.bind(runner.projection);
    const poisoned = jest.spyOn(runner.projection, 'handle').mockImplementation(async (events, tx) => {
      if (events.some((e) => e.data.text === 'poison')) throw new Error('boom');
      return handle(events, tx);
    });
    const sent = await http().post(`/dialogs/${dialogId}/messages`).set(as(channel)).send({ author: 'client', text: 'poison' }).expect(201);
    const [event] = await edge.app
      .get(DataSource)
      .query<{ event_id: string }[]>(`SELECT event_id FROM event_store.events WHERE position = $1`, [sent.body.position]);
    const failedBy = Date.now() + 15_000;
    while (runner.running) {
      if (Date.now() > failedBy) throw new Error('the projection did not stop on the poison event');
      await new Promise((r) => setTimeout(r, 50));
    }
    poisoned.mockRestore();

    const failed = (await http().get('/projections').set(as(admin)).expect(200)).body.items.find((item: { name: string }) => item.name === MESSAGES);
    expect(failed).toMatchObject({
      status: 'failed',
      failure: { eventId: event.event_id, eventType: 'MessageSent', position: sent.body.position, error: 'Error: boom' },
      lag: { events: 1 },
    });
    const stale = await http().get(`/dialogs/${dialogId}/messages`).query({ minPosition: sent.body.position }).set(as(admin)).expect(200);
    expect(stale.headers['x-read-model-stale']).toBe('true');

    expectProblem(
      await http()
        .post(`/projections/${MESSAGES}/skip`)
        .set(as(tokenFor('supervisor', 'sup-1'))),
      403,
    );
    const skipped = await http().post(`/projections/${MESSAGES}/skip`).set(as(admin)).expect(200);
    expect(skipped.body).toMatchObject({ name: MESSAGES, status: 'running', position: sent.body.position, failure: null, lag: { events: 0 } });
    expectProblem(await http().post(`/projections/${MESSAGES}/skip`).set(as(admin)), 409, 'projection_not_failed');
    expectProblem(await http().post('/projections/no-such-projection/skip').set(as(admin)), 404, 'projection_not_found');

    // The projector's watchdog starts the stopped runner again once its checkpoint runs.
    const deadline = Date.now() + 10_000;
    while (!runnerOf(MESSAGES).running) {
      if (Date.now() > deadline) throw new Error('the runner did not restart after the skip');
      await new Promise((r) => setTimeout(r, 50));
    }
    const next = await http().post(`/dialogs/${dialogId}/messages`).set(as(channel)).send({ author: 'client', text: 'after' }).expect(201);
    const resumed = await http().get(`/dialogs/${dialogId}/messages`).query({ minPosition: next.body.position }).set(as(admin)).expect(200);
    expect(resumed.headers['x-read-model-stale']).toBeUndefined();
    expect(resumed.body.items.map((item: { text: string }) => item.text).slice(before)).toEqual(['after']);
  });
});
