import { SwitchboardLogger } from '@switchboard/platform';
import request from 'supertest';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

type Line = Record<string, unknown>;

describe('request logs', () => {
  let edge: EdgeTestApp;
  const lines: Line[] = [];
  const admin = tokenFor('admin', 'admin-1');
  const channel = tokenFor('service', 'telegram');
  const http = () => request(edge.app.getHttpServer());
  const raw: string[] = [];

  beforeAll(async () => {
    const logger = new SwitchboardLogger({
      format: 'json',
      level: 'info',
      write: (line) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Line);
      },
    });
    edge = await startEdgeTestApp({}, logger);
    // No operator in a routed line: opening a dialog there logs from inside the command handler.
    await http().post('/lines').set('Authorization', bearer(admin)).send({ lineId: 'routed', name: 'Routed', routingMode: 'round_robin' }).expect(201);
  });
  afterAll(() => edge.stop());

  it("writes one JSON line per request, with route template, status, duration and the request's correlation id, and no token or text", async () => {
    const text = 'My card number is 4111 1111 1111 1111';
    const opened = await http()
      .post('/dialogs')
      .set('Authorization', bearer(channel))
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'routed', client: { id: 'c-1', name: 'Kim Secretname' } })
      .expect(201);
    await http()
      .post(`/dialogs/${opened.body.dialogId}/messages`)
      .set('Authorization', bearer(channel))
      .set('X-Correlation-Id', 'corr-logs-1')
      .send({ author: 'client', text })
      .expect(201);

    const requestLine = lines.find((line) => line.context === 'HTTP' && line.correlationId === 'corr-logs-1');
    expect(requestLine).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/dialogs/:id/messages',
      status: 201,
      message: expect.stringMatching(/^POST \/dialogs\/:id\/messages 201 [\d.]+ ms$/),
    });
    expect(typeof requestLine?.durationMs).toBe('number');
    expect(new Date(String(requestLine?.time)).toISOString()).toBe(requestLine?.time);

    const everything = raw.join('\n');
    expect(everything).not.toContain(channel);
    expect(everything).not.toContain(admin);
    expect(everything).not.toContain('4111');
    expect(everything).not.toContain('Secretname');
  });

  it('carries the correlation id into what command handlers log', async () => {
    await http()
      .post('/dialogs')
      .set('Authorization', bearer(channel))
      .set('X-Correlation-Id', 'corr-logs-2')
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'routed', client: { id: 'c-2' } })
      .expect(201);
    const handlerLines = lines.filter((line) => line.context === 'RouteOnOpen' && line.correlationId === 'corr-logs-2');
    expect(handlerLines).toEqual([expect.objectContaining({ level: 'info', message: expect.stringContaining('waits unassigned') })]);
  });

  it('logs refused and unrouted requests with their status', async () => {
    await http().get('/dialogs').set('X-Correlation-Id', 'corr-logs-3').expect(401);
    expect(lines.find((line) => line.correlationId === 'corr-logs-3')).toMatchObject({ route: '/dialogs', status: 401, level: 'info' });
    await http().get('/no-such-thing').set('X-Correlation-Id', 'corr-logs-4').expect(404);
    expect(lines.find((line) => line.correlationId === 'corr-logs-4')).toMatchObject({ route: '(unmatched)', status: 404 });
  });
});
