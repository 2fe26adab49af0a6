import request from 'supertest';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

/** Managing webhook subscriptions over HTTP: validation, roles, 404s, the secret shown once. */
describe('webhooks API', () => {
  let edge: EdgeTestApp;
  const admin = tokenFor('admin', 'admin-1');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  // A documentation address (TEST-NET-3): public, so it passes the guard, and needs no DNS.
  const url = 'https://203.0.113.10/switchboard';
  const MISSING = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    edge = await startEdgeTestApp();
  });
  afterAll(() => edge.stop());

  const create = (body: Record<string, unknown>, token = admin) => http().post('/webhooks').set(as(token)).send(body);

  it('creates a subscription starting now, shows its secret once, and lists it without', async () => {
    const created = await create({ url, eventTypes: ['DialogOpened', 'MessageSent'], categories: ['dialog'], description: 'CRM sync' }).expect(201);
    expect(created.headers.location).toBe(`/webhooks/${created.body.id}`);
    expect(created.body).toMatchObject({
      url,
      eventTypes: ['DialogOpened', 'MessageSent'],
      categories: ['dialog'],
      description: 'CRM sync',
      status: 'active',
      deadLetters: 0,
      createdBy: 'admin-1',
      secret: expect.stringMatching(/^whsec_/),
    });
    const one = await http().get(`/webhooks/${created.body.id}`).set(as(admin)).expect(200);
    expect(one.body).toEqual({ ...created.body, secret: undefined });
    expect(one.body).not.toHaveProperty('secret');
    const list = await http().get('/webhooks').set(as(admin)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
  });

  it('keeps a given secret and starts from the first event when asked', async () => {
    const created = await create({ url, secret: 'my-own-secret-of-some-length', from: 'start' }).expect(201);
    expect(created.body).toMatchObject({ secret: 'my-own-secret-of-some-length', position: null, eventTypes: [], categories: [] });
  });

  it.each([
    ['url', { url: 'ftp://203.0.113.10/x' }],
    ['url', { url: 'not a url' }],
    ['url', { url: 'http://127.0.0.1:9/hook' }],
    ['url', { url: 'http://169.254.169.254/latest/meta-data' }],
    ['url', { url: 'http://[::1]/hook' }],
    ['url', { url: 'http://localhost/hook' }],
    ['eventTypes', { url, eventTypes: ['DialogOpend'] }],
    ['eventTypes', { url, eventTypes: 'DialogOpened' }],
    ['eventTypes', { url, eventTypes: ['DialogOpened', 'DialogOpened'] }],
    ['categories', { url, categories: ['dialogs'] }],
    ['secret', { url, secret: 'short' }],
    ['description', { url, description: 'x'.repeat(501) }],
    ['from', { url, from: 'yesterday' }],
    ['from', { url, from: '99999999999' }],
    ['unknown', { url, unknown: true }],
  ])('refuses a bad %s with 400 naming it', async (field, body) => {
    expectFieldError(await create(body), field);
  });

  it('answers 404 for an unknown webhook and 400 for an id that is none', async () => {
    expectProblem(await http().get(`/webhooks/${MISSING}`).set(as(admin)), 404, 'webhook_not_found');
    expectProblem(await http().delete(`/webhooks/${MISSING}`).set(as(admin)), 404, 'webhook_not_found');
    expectProblem(await http().post(`/webhooks/${MISSING}/pause`).set(as(admin)), 404, 'webhook_not_found');
    expectProblem(await http().get(`/webhooks/${MISSING}/deliveries`).set(as(admin)), 404, 'webhook_not_found');
    expectProblem(await http().post(`/webhooks/${MISSING}/dead-letters/redeliver`).set(as(admin)), 404, 'webhook_not_found');
    expectFieldError(await http().get('/webhooks/not-a-uuid').set(as(admin)), 'id');
    const created = await create({ url }).expect(201);
    expectProblem(await http().post(`/webhooks/${created.body.id}/dead-letters/${MISSING}/redeliver`).set(as(admin)), 404, 'dead_letter_not_found');
    expectFieldError(await http().post(`/webhooks/${created.body.id}/dead-letters/nope/redeliver`).set(as(admin)), 'eventId');
    expectFieldError(await http().get(`/webhooks/${created.body.id}/deliveries`).query({ limit: 0 }).set(as(admin)), 'limit');
    expectFieldError(await http().get(`/webhooks/${created.body.id}/dead-letters`).query({ cursor: 'x!' }).set(as(admin)), 'cursor');
  });

  it.each(['operator', 'supervisor', 'auditor', 'service'] as const)('refuses the %s role', async (role) => {
    const created = await create({ url }).expect(201);
    const token = tokenFor(role);
    expectProblem(await create({ url }, token), 403, 'role_not_allowed');
    expectProblem(await http().get('/webhooks').set(as(token)), 403, 'role_not_allowed');
    expectProblem(await http().get(`/webhooks/${created.body.id}`).set(as(token)), 403, 'role_not_allowed');
    expectProblem(await http().get(`/webhooks/${created.body.id}/dead-letters`).set(as(token)), 403, 'role_not_allowed');
    expectProblem(await http().delete(`/webhooks/${created.body.id}`).set(as(token)), 403, 'role_not_allowed');
    expectProblem(await http().post(`/webhooks/${created.body.id}/dead-letters/redeliver`).set(as(token)), 403, 'role_not_allowed');
    expectProblem(await http().get('/webhooks'), 401);
  });

  it('pauses, resumes and deletes', async () => {
    const { id } = (await create({ url }).expect(201)).body as { id: string };
    expect((await http().post(`/webhooks/${id}/pause`).set(as(admin)).expect(200)).body.status).toBe('paused');
    expect((await http().post(`/webhooks/${id}/resume`).set(as(admin)).expect(200)).body.status).toBe('active');
    expectFieldError(await http().post(`/webhooks/${id}/pause`).set(as(admin)).send({ now: true }), 'now');
    await http().delete(`/webhooks/${id}`).set(as(admin)).expect(204);
    expectProblem(await http().get(`/webhooks/${id}`).set(as(admin)), 404, 'webhook_not_found');
  });
});
