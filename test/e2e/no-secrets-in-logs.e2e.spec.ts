import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { CapturedLogs, expectNoSecretsIn } from './support/captured-logs';
import { startEdgeTestAppWithBus, type EdgeTestApp } from './support/edge-app';
import { RecordingCommandBus } from './support/recording-command-bus';
import { badTokens, bearer, TEST_JWT_SECRET, tokenFor } from './support/tokens';

/**
 * Whatever the app logs while it serves authenticated requests, refusals and a server fault,
 * the credentials of those requests never appear, nor the configured secret.
 */
describe('no token or secret in the logs', () => {
  const logs = new CapturedLogs();
  const bus = new RecordingCommandBus();
  let edge: EdgeTestApp;
  let server: App;

  beforeAll(async () => {
    logs.start();
    edge = await startEdgeTestAppWithBus(bus, logs);
    server = edge.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await edge.stop();
    logs.stop();
  });

  it('logs the failures it must, without the credentials that came with them', async () => {
    const tokens = [tokenFor('operator', 'op-logs'), tokenFor('service', 'channel-logs'), tokenFor('auditor', 'aud-logs')];
    const refusedTokens = [badTokens.wrongSignature(), badTokens.expired(), badTokens.unsigned(), badTokens.systemRole()];
    const idempotencyKey = `secret-key-${randomUUID()}`;
    const dialog = `/dialogs/${randomUUID()}`;

    bus.failWith(new Error('the write side failed'));
    // A server fault, with a token in the header, in the query string and in the body.
    await request(server)
      .post(`${dialog}/notes`)
      .query({ access_token: tokens[0] })
      .set('Authorization', bearer(tokens[0]))
      .set('Idempotency-Key', idempotencyKey)
      .send({ text: `my token is ${tokens[0]}` })
      .expect(500);
    await request(server).post(`${dialog}/messages`).set('Authorization', bearer(tokens[1])).send({ author: 'client', text: 'hi' }).expect(500);
    // Refusals: a role the route does not take, invalid input, refused tokens.
    await request(server).post(`${dialog}/close`).set('Authorization', bearer(tokens[2])).send({}).expect(403);
    await request(server).post(`${dialog}/notes`).set('Authorization', bearer(tokens[0])).send({ text: 5, token: tokens[0] }).expect(400);
    for (const token of refusedTokens) await request(server).get('/dialogs').set('Authorization', bearer(token)).expect(401);
    await request(server)
      .get('/dialogs')
      .set('Authorization', `Basic ${Buffer.from(`user:${TEST_JWT_SECRET}`).toString('base64')}`)
      .expect(401);

    // The fault was logged, so the capture works and the absence below means something.
    expect(logs.text).toMatch(/POST \/dialogs\/[0-9a-f-]+\/notes failed/);
    expectNoSecretsIn(logs.text, [...tokens, ...refusedTokens, TEST_JWT_SECRET, idempotencyKey]);
  });
});
