import request from 'supertest';
import type { App } from 'supertest/types';
import { catalogueEntryOf, eventTypes } from '@switchboard/dialogs';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { expectProblem } from './support/problem';

/** The published contract: public, served from the same catalogue the contract test checks. */
describe('GET /events/catalogue and /events/asyncapi', () => {
  let edge: EdgeTestApp;
  let server: App;

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    server = edge.app.getHttpServer();
  });
  afterAll(() => edge.stop());

  it('lists every event type with its versions, without a token', async () => {
    const response = await request(server).get('/events/catalogue').expect(200);
    const body = response.body as {
      jsonSchemaDialect: string;
      events: { type: string; category: string; currentVersion: number; versions: { version: number }[] }[];
    };
    expect(body.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(body.events.map((event) => event.type)).toEqual(eventTypes);
    expect(body.events.find((event) => event.type === 'DialogReopened')).toMatchObject({
      category: 'dialog',
      currentVersion: 2,
      versions: [{ version: 1 }, { version: 2 }],
    });
  });

  it('answers one type, and one version of it', async () => {
    expect((await request(server).get('/events/catalogue/DialogReopened').expect(200)).body).toEqual(
      JSON.parse(JSON.stringify(catalogueEntryOf('DialogReopened'))),
    );
    const v1 = await request(server).get('/events/catalogue/DialogReopened?version=1').expect(200);
    expect((v1.body as { versions: { version: number; schema: { required: string[] } }[] }).versions).toEqual([
      { version: 1, schema: expect.objectContaining({ required: ['dialogId', 'occurredAt'] }) },
    ]);
  });

  it('answers 404 for an unknown type and 400 naming version for an unknown version', async () => {
    expectProblem(await request(server).get('/events/catalogue/DialogExploded'), 404, 'event_type_not_found');
    const body = expectProblem(await request(server).get('/events/catalogue/DialogReopened?version=3'), 400, 'validation_failed');
    expect(body.errors).toEqual([{ field: 'version', reason: 'DialogReopened has versions 1 to 2' }]);
  });

  it('serves the AsyncAPI 3.0 document', async () => {
    const response = await request(server).get('/events/asyncapi').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ asyncapi: '3.0.0', channels: { dialogLog: { address: 'dialog-{id}' }, eventStream: { address: '/events' } } });
  });
});
