import request from 'supertest';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { bearer, tokenFor } from './support/tokens';

/** Saved replies over HTTP: who keeps which, what each person lists, and what is refused. */
describe('saved replies API, end to end', () => {
  let edge: EdgeTestApp;
  const as = (role: Parameters<typeof tokenFor>[0], id: string) => ({ Authorization: bearer(tokenFor(role, id)) });
  const supervisor = as('supervisor', 'sup-1');
  const admin = as('admin', 'admin-1');
  const alice = as('operator', 'op-alice');
  const bob = as('operator', 'op-bob');
  const http = () => request(edge.app.getHttpServer());
  const greeting = { scope: 'team', title: 'Greeting', text: 'Hello {clientName}, how can I help?' };
  let position = '0';

  const create = async (auth: Record<string, string>, body: object, status = 201) => {
    const response = await http().post('/saved-replies').set(auth).send(body).expect(status);
    position = (response.body as { position: string }).position ?? position;
    return response;
  };
  const titles = async (auth: Record<string, string>, query: Record<string, string> = {}): Promise<string[]> => {
    const response = await http()
      .get('/saved-replies')
      .query({ ...query, minPosition: position })
      .set(auth)
      .expect(200);
    expect(response.headers['x-read-model-stale']).toBeUndefined();
    return (response.body as { items: { title: string }[] }).items.map((item) => item.title);
  };
  const idOf = (response: request.Response): string => String(response.headers.location).replace('/saved-replies/', '');

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
  });
  afterAll(() => edge.stop());

  it("records a team reply and personal ones, and lists each person the team's and their own", async () => {
    const team = await create(supervisor, { ...greeting, lineId: 'support' });
    expect(team.headers.location).toMatch(/^\/saved-replies\/[0-9a-f-]{36}$/);
    expect(team.body).toMatchObject({ streamId: `savedreply-${idOf(team)}`, revision: '0', eventTypes: ['SavedReplyCreated'], duplicate: false });
    await create(alice, { scope: 'personal', title: 'Goodbye', text: 'Have a nice day' });
    await create(bob, { scope: 'personal', title: 'Bob signs off', text: 'Cheers' });

    expect(await titles(alice)).toEqual(['Greeting', 'Goodbye']);
    expect(await titles(bob)).toEqual(['Greeting', 'Bob signs off']);
    expect(await titles(admin)).toEqual(['Greeting']);
    expect(await titles(alice, { lineId: 'sales' })).toEqual(['Goodbye']);
    expect(await titles(alice, { search: 'nice', scope: 'personal' })).toEqual(['Goodbye']);
    const [item] = (await http().get('/saved-replies').query({ search: 'greet', minPosition: position }).set(alice).expect(200)).body.items;
    expect(item).toMatchObject({ savedReplyId: idOf(team), scope: 'team', ownerId: null, lineId: 'support', createdBy: 'sup-1', text: greeting.text });
    // Downstream services read them from the log by their category.
    const logged = (await http().get('/events').query({ category: 'savedreply' }).set(as('service', 'crm')).expect(200)).body.events as { streamId: string }[];
    expect(logged.map((event) => event.streamId)).toEqual([
      `savedreply-${idOf(team)}`,
      expect.stringMatching(/^savedreply-/),
      expect.stringMatching(/^savedreply-/),
    ]);
  });

  it('edits and deletes: the owner a personal reply, any supervisor or admin a team one', async () => {
    const team = await create(admin, { ...greeting, title: 'Promo' });
    const own = await create(alice, { scope: 'personal', title: 'Mine', text: 'v1' });
    const edited = await http()
      .put(`/saved-replies/${idOf(own)}`)
      .set(alice)
      .send({ title: 'Mine', text: 'v2' })
      .expect(200);
    expect(edited.body).toMatchObject({ revision: '1', eventTypes: ['SavedReplyEdited'] });
    expect(edited.headers.etag).toBe('"1"');
    expect(
      (
        await http()
          .put(`/saved-replies/${idOf(own)}`)
          .set(alice)
          .send({ title: 'Mine', text: 'v2' })
          .expect(200)
      ).body,
    ).toMatchObject({ eventTypes: [] });
    await http()
      .put(`/saved-replies/${idOf(team)}`)
      .set(supervisor)
      .send({ title: 'Promo', text: 'Spring sale' })
      .expect(200);

    expectProblem(
      await http()
        .put(`/saved-replies/${idOf(team)}`)
        .set(alice)
        .send({ title: 'Promo', text: 'mine now' }),
      403,
      'saved_reply_not_yours',
    );
    expectProblem(
      await http()
        .delete(`/saved-replies/${idOf(own)}`)
        .set(bob),
      404,
      'saved_reply_not_found',
    );
    expectProblem(
      await http()
        .delete(`/saved-replies/${idOf(own)}`)
        .set(admin),
      404,
      'saved_reply_not_found',
    );
    expectProblem(
      await http()
        .put(`/saved-replies/${idOf(own)}`)
        .set(alice)
        .set('If-Match', '"7"')
        .send({ title: 'Mine', text: 'v3' }),
      412,
      'precondition_failed',
    );

    position = (
      await http()
        .delete(`/saved-replies/${idOf(team)}`)
        .set(supervisor)
        .expect(200)
    ).body.position;
    expectProblem(
      await http()
        .delete(`/saved-replies/${idOf(team)}`)
        .set(admin),
      409,
      'saved_reply_deleted',
    );
    expect(await titles(alice, { search: 'promo' })).toEqual([]);
    expect(await titles(alice, { search: 'mine' })).toEqual(['Mine']);
  });

  it('keeps team replies to supervisors and admins, and saved replies away from auditors and services', async () => {
    expectProblem(await http().post('/saved-replies').set(alice).send(greeting), 403, 'saved_reply_team_scope_forbidden');
    for (const outsider of [as('auditor', 'aud-1'), as('service', 'telegram')]) {
      expectProblem(
        await http()
          .post('/saved-replies')
          .set(outsider)
          .send({ ...greeting, scope: 'personal' }),
        403,
      );
      expectProblem(await http().get('/saved-replies').set(outsider), 403);
    }
    expectProblem(await http().get('/saved-replies'), 401);
  });

  it('names the same reply again on a retry with the same Idempotency-Key', async () => {
    const body = { scope: 'personal', title: 'Retry', text: 'once' };
    const first = await http().post('/saved-replies').set(bob).set('Idempotency-Key', 'reply-1').send(body).expect(201);
    const again = await http().post('/saved-replies').set(bob).set('Idempotency-Key', 'reply-1').send(body).expect(201);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toMatchObject({ duplicate: true, eventTypes: ['SavedReplyCreated'] });
  });

  it.each([
    ['a missing title', { scope: 'personal', text: 'x' }, 'title'],
    ['a title too long', { scope: 'personal', title: 't'.repeat(201), text: 'x' }, 'title'],
    ['an empty text', { scope: 'personal', title: 'T', text: '' }, 'text'],
    ['a text that is no string', { scope: 'personal', title: 'T', text: 42 }, 'text'],
    ['an unknown scope', { scope: 'everyone', title: 'T', text: 'x' }, 'scope'],
    ['a line id with a slash', { scope: 'personal', title: 'T', text: 'x', lineId: 'a/b' }, 'lineId'],
    ['an id that is no UUID', { scope: 'personal', title: 'T', text: 'x', savedReplyId: 'reply-7' }, 'savedReplyId'],
    ['an unknown field', { scope: 'personal', title: 'T', text: 'x', ownerId: 'op-bob' }, 'ownerId'],
  ])('refuses %s at the edge, naming the field', async (_case, body, field) => {
    expectFieldError(await http().post('/saved-replies').set(alice).send(body), field);
  });

  it('refuses a blank title in the domain, naming the field, and bad ids and queries at the edge', async () => {
    const blank = await http().post('/saved-replies').set(alice).send({ scope: 'personal', title: '   ', text: 'x' });
    expectProblem(blank, 400, 'required_field_missing');
    expectFieldError(blank, 'title');
    expectFieldError(await http().put('/saved-replies/reply-7').set(alice).send({ title: 'T', text: 'x' }), 'id');
    expectFieldError(await http().get('/saved-replies').query({ scope: 'mine' }).set(alice), 'scope');
    expectFieldError(await http().get('/saved-replies').query({ search: '' }).set(alice), 'search');
    expectFieldError(await http().get('/saved-replies').query({ limit: '0' }).set(alice), 'limit');
    expectFieldError(await http().get('/saved-replies').query({ lineId: '../x' }).set(alice), 'lineId');
  });
});
