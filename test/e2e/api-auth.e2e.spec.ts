import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectProblem } from './support/problem';
import { badTokens, bearer, tokenFor } from './support/tokens';

/** Authentication and the coarse role gate; none of this reaches the command handlers. */
describe('API authentication', () => {
  let edge: EdgeTestApp;
  let server: App;
  const closeDialog = () => request(server).post(`/dialogs/${randomUUID()}/close`).send({});

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    server = edge.app.getHttpServer();
  });
  afterAll(() => edge.stop());

  it('answers 401 with WWW-Authenticate: Bearer when the token is missing', async () => {
    const response = await closeDialog();
    expectProblem(response, 401, 'unauthenticated');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="switchboard"$/);
  });

  it('answers 401 for another scheme than Bearer', async () => {
    const response = await closeDialog().set('Authorization', 'Basic b3AtMTpwYXNzd29yZA==');
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  });

  it.each([
    ['a malformed token', () => 'not.a.jwt'],
    ['garbage', () => 'abc'],
    ['an alg: none token', badTokens.unsigned],
    ['a wrong signature', badTokens.wrongSignature],
    ['the former development secret', badTokens.formerDevelopmentSecret],
    ['an expired token', badTokens.expired],
    ['a token not valid yet', badTokens.notYetValid],
    ['a token for another audience', badTokens.wrongAudience],
    ['a token without exp', badTokens.withoutExpiry],
    ['a token claiming the system role', badTokens.systemRole],
    ['a token without sub', badTokens.withoutSubject],
    ['an algorithm outside the allow-list (HS512)', badTokens.hs512],
  ])('answers 401 invalid_token for %s', async (_case, mint) => {
    const token = mint();
    const response = await closeDialog().set('Authorization', bearer(token));
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="switchboard", error="invalid_token"/);
    expect(JSON.stringify(response.body)).not.toContain(token);
  });

  it('answers 403 when an auditor sends a command', async () => {
    const response = await closeDialog().set('Authorization', bearer(tokenFor('auditor')));
    const problem = expectProblem(response, 403, 'role_not_allowed');
    expect(problem.detail).toContain('auditor');
  });

  it('lets an auditor be refused before the body is even validated', async () => {
    const response = await request(server)
      .post(`/dialogs/${randomUUID()}/notes`)
      .set('Authorization', bearer(tokenFor('auditor')))
      .send({ text: 5 });
    expectProblem(response, 403, 'role_not_allowed');
  });

  it('keeps /health and /docs public', async () => {
    await request(server).get('/health').expect(200);
    await request(server).get('/docs').expect(200);
  });

  it('documents the command routes in the OpenAPI description', async () => {
    const response = await request(server).get('/docs-json').expect(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/dialogs', '/dialogs/bulk', '/dialogs/{id}/messages', '/dialogs/{id}/tags/{tag}', '/operators/{id}/suspend', '/lines/{id}']),
    );
  });

  it('answers 404 problem+json for an unknown route, with or without a token', async () => {
    expectProblem(await request(server).get('/nowhere'), 404, 'not_found');
    expectProblem(
      await request(server)
        .get('/nowhere')
        .set('Authorization', bearer(tokenFor('operator'))),
      404,
      'not_found',
    );
  });
});
