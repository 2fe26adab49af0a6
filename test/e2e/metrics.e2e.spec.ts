import request from 'supertest';
import { ProjectionHost } from '@switchboard/projector/projection-host';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { parsePrometheusText, samplesOf, valueOf, type Sample } from './support/prometheus-text';
import { bearer, tokenFor } from './support/tokens';

const DIALOG_LIST = 'read-models.dialog-list';

describe('GET /metrics', () => {
  let edge: EdgeTestApp;
  const admin = tokenFor('admin', 'admin-1');
  const channel = tokenFor('service', 'telegram');
  const operator = tokenFor('operator', 'op-1');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  const scrape = async (): Promise<Sample[]> => {
    const response = await http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parsePrometheusText(response.text);
  };
  const open = async (): Promise<{ dialogId: string; position: string }> => {
    const response = await http()
      .post('/dialogs')
      .set(as(channel))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } })
      .expect(201);
    return response.body;
  };

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await http().post('/lines').set(as(admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
    await http()
      .post('/operators')
      .set(as(admin))
      .send({ operatorId: 'op-1', name: 'Op', lineIds: ['support'] })
      .expect(201);
  });
  afterAll(() => edge.stop());

  it('counts commands by type and outcome, with latency buckets, and requests by route template', async () => {
    const before = await scrape();
    const sent = (s: readonly Sample[]) => valueOf(s, 'switchboard_command_duration_seconds_count', { command: 'SendMessage', outcome: 'ok' }) ?? 0;
    const appends = (s: readonly Sample[]) => valueOf(s, 'switchboard_event_store_append_duration_seconds_count', { outcome: 'ok' }) ?? 0;
    const messageRoute = { method: 'POST', route: '/dialogs/:id/messages', status_class: '2xx' };
    const routed = (s: readonly Sample[]) => valueOf(s, 'switchboard_http_request_duration_seconds_count', messageRoute) ?? 0;

    const { dialogId } = await open();
    for (const text of ['Where is my order?', 'Hello?', 'Anyone?']) {
      await http().post(`/dialogs/${dialogId}/messages`).set(as(channel)).send({ author: 'client', text }).expect(201);
    }
    await http().post(`/dialogs/${dialogId}/close`).set(as(operator)).send({}).expect(200);
    // A closed dialog refuses an operator's message: a refusal by the domain's rules.
    await http().post(`/dialogs/${dialogId}/messages`).set(as(operator)).send({ author: 'operator', text: 'Late' }).expect(409);

    const after = await scrape();
    expect(sent(after) - sent(before)).toBe(3);
    expect(valueOf(after, 'switchboard_command_duration_seconds_count', { command: 'OpenDialog', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'switchboard_command_duration_seconds_count', { command: 'CreateLine', outcome: 'ok' })).toBe(1);
    expect(valueOf(after, 'switchboard_command_duration_seconds_count', { command: 'SendMessage', outcome: 'domain_error' })).toBe(1);
    expect(routed(after) - routed(before)).toBe(3);
    expect(valueOf(after, 'switchboard_http_request_duration_seconds_count', { method: 'POST', route: '/dialogs/:id/messages', status_class: '4xx' })).toBe(1);
    // open, three messages and the close each appended once
    expect(appends(after) - appends(before)).toBeGreaterThanOrEqual(5);

    // A histogram: cumulative buckets up to +Inf, which equals the count; the sum is a positive time.
    const buckets = samplesOf(after, 'switchboard_command_duration_seconds_bucket', { command: 'SendMessage', outcome: 'ok' });
    expect(buckets.length).toBeGreaterThan(5);
    const counts = buckets.map((b) => b.value);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(buckets.find((b) => b.labels.le === '+Inf')?.value).toBe(sent(after));
    const sum = valueOf(after, 'switchboard_command_duration_seconds_sum', { command: 'SendMessage', outcome: 'ok' }) ?? 0;
    expect(sum).toBeGreaterThan(0);
    expect(sum / sent(after)).toBeLessThan(5);
  });

  it('exposes the Node process defaults', async () => {
    const samples = await scrape();
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(samplesOf(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it("shows each projection's position, generation and lag, and the lag of a stopped one growing", async () => {
    const { position } = await open();
    await http().get('/dialogs').query({ minPosition: position }).set(as(admin)).expect(200);
    const caughtUp = await scrape();
    expect(valueOf(caughtUp, 'switchboard_projection_position', { projection: DIALOG_LIST })).toBeGreaterThanOrEqual(Number(position));
    expect(valueOf(caughtUp, 'switchboard_projection_lag_events', { projection: DIALOG_LIST })).toBe(0);
    expect(valueOf(caughtUp, 'switchboard_projection_lag_seconds', { projection: DIALOG_LIST })).toBe(0);
    expect(valueOf(caughtUp, 'switchboard_projection_generation', { projection: DIALOG_LIST })).toBeGreaterThanOrEqual(1);
    expect(valueOf(caughtUp, 'switchboard_projection_failed', { projection: DIALOG_LIST })).toBe(0);

    const runner = edge.app.get(ProjectionHost).runners.find((candidate) => candidate.projection.name === DIALOG_LIST);
    await runner?.stop();
    const stoppedAt = valueOf(caughtUp, 'switchboard_projection_position', { projection: DIALOG_LIST });
    await open();
    await open();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // so that the oldest unapplied event is a second old
    const behind = await scrape();
    expect(valueOf(behind, 'switchboard_projection_lag_events', { projection: DIALOG_LIST })).toBe(2);
    expect(valueOf(behind, 'switchboard_projection_lag_seconds', { projection: DIALOG_LIST })).toBeGreaterThanOrEqual(1);
    expect(valueOf(behind, 'switchboard_projection_position', { projection: DIALOG_LIST })).toBe(stoppedAt);
  });

  it('shows no lag for a reaction caught up with what it follows, whatever it ignores after it', async () => {
    const ASSIGNMENTS = 'write-side.assignments';
    const { dialogId, position } = await open();
    // Messages are not among the events the assignments reaction follows: they are never behind it.
    await http().post(`/dialogs/${dialogId}/messages`).set(as(channel)).send({ author: 'client', text: 'Hello?' }).expect(201);
    await http().put(`/dialogs/${dialogId}/tags/vip`).set(as(operator)).expect(200);
    const runner = edge.app.get(ProjectionHost).runners.find((candidate) => candidate.projection.name === ASSIGNMENTS);
    for (let tries = 0; (runner?.currentPosition ?? -1n) < BigInt(position); tries++) {
      if (tries > 200) throw new Error(`${ASSIGNMENTS} never reached ${position}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const samples = await scrape();
    expect(valueOf(samples, 'switchboard_projection_lag_events', { projection: ASSIGNMENTS })).toBe(0);
    expect(valueOf(samples, 'switchboard_projection_lag_seconds', { projection: ASSIGNMENTS })).toBe(0);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let edge: EdgeTestApp;
  const http = () => request(edge.app.getHttpServer());

  beforeAll(async () => {
    edge = await startEdgeTestApp({ METRICS_TOKEN: 'scraper-secret-0123456789' });
  });
  afterAll(() => edge.stop());

  it('answers the scraper with the token, and 401 problems to anyone else, users with a JWT included', async () => {
    await http().get('/metrics').set('Authorization', 'Bearer scraper-secret-0123456789').expect(200);
    const missing = await http().get('/metrics').expect(401);
    expect(missing.body).toMatchObject({ code: 'unauthenticated' });
    await http().get('/metrics').set('Authorization', 'Bearer scraper-secret-012345678').expect(401);
    await http()
      .get('/metrics')
      .set('Authorization', bearer(tokenFor('admin')))
      .expect(401);
  });
});
