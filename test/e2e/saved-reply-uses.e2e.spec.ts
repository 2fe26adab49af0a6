import request from 'supertest';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { expectFieldError, expectProblem } from './support/problem';
import { authAs as as } from './support/tokens';

/** An operator message naming the saved reply it used, over HTTP: what is refused, and GET /stats/saved-replies. */
describe('saved replies in messages and their statistics, end to end', () => {
  let edge: EdgeTestApp;
  const admin = as('admin', 'admin-1');
  const supervisor = as('supervisor', 'sup-1');
  const auditor = as('auditor', 'aud-1');
  const channel = as('service', 'telegram');
  const alice = as('operator', 'op-alice');
  const bob = as('operator', 'op-bob');
  const http = () => request(edge.app.getHttpServer());
  const replies: Record<string, string> = {};
  let dialogId = '';
  let position = '0';
  const remember = (response: request.Response) => {
    position = (response.body as { position: string }).position;
    return response;
  };
  const createReply = async (auth: Record<string, string>, body: object): Promise<string> =>
    String(remember(await http().post('/saved-replies').set(auth).send(body).expect(201)).headers.location).replace('/saved-replies/', '');
  const say = (auth: Record<string, string>, body: object) => http().post(`/dialogs/${dialogId}/messages`).set(auth).send(body);
  const stats = async (auth: Record<string, string>, query: Record<string, string> = {}) =>
    (
      await http()
        .get('/stats/saved-replies')
        .query({ ...query, minPosition: position })
        .set(auth)
        .expect(200)
    ).body.items as {
      savedReplyId: string;
      title: string | null;
      uses: number;
      byOperator: { operatorId: string; uses: number }[];
    }[];

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
    for (const lineId of ['support', 'old']) {
      await http().post('/lines').set(admin).send({ lineId, name: lineId, routingMode: 'manual' }).expect(201);
    }
    for (const operatorId of ['op-alice', 'op-bob']) {
      await http()
        .post('/operators')
        .set(admin)
        .send({ operatorId, name: operatorId, lineIds: ['support'] })
        .expect(201);
    }
    replies.greeting = await createReply(supervisor, { scope: 'team', title: 'Greeting', text: 'Hello {clientName}' });
    replies.alices = await createReply(alice, { scope: 'personal', title: 'Alice signs off', text: 'Bye' });
    replies.gone = await createReply(supervisor, { scope: 'team', title: 'Old promo', text: 'Spring sale' });
    remember(await http().delete(`/saved-replies/${replies.gone}`).set(supervisor).send().expect(200));
    replies.oldLine = await createReply(supervisor, { scope: 'team', title: 'Old line', text: 'Legacy', lineId: 'old' });
    remember(await http().delete('/lines/old').set(admin).send().expect(200));
    const opened = await http()
      .post('/dialogs')
      .set(channel)
      .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } })
      .expect(201);
    dialogId = opened.body.dialogId as string;
  });
  afterAll(() => edge.stop());

  it('records the use beside the message', async () => {
    const sent = remember(await say(alice, { author: 'operator', text: 'Hello Kim', savedReplyId: replies.greeting }).expect(201));
    expect(sent.body.eventTypes).toEqual(['OperatorAssigned', 'MessageSent', 'SavedReplyUsed']);
    remember(await say(alice, { author: 'operator', text: 'Bye', savedReplyId: replies.alices }).expect(201));
    remember(await say(supervisor, { author: 'operator', text: 'Hello again', savedReplyId: replies.greeting }).expect(201));
  });

  it.each([
    ['a reply that does not exist', () => '00000000-0000-4000-8000-000000000000', 'not_found'],
    ["another person's personal reply, as if it did not exist", () => replies.alices, 'not_found'],
    ['a deleted reply', () => replies.gone, 'deleted'],
    ['a reply for a deleted line', () => replies.oldLine, 'line_deleted'],
  ])('refuses %s with 400, naming the field and the reason', async (_case, id, reason) => {
    const refused = await say(supervisor, { author: 'operator', text: 'Hi', savedReplyId: id() });
    const problem = expectProblem(refused, 400, 'saved_reply_not_usable');
    expect((problem as unknown as { details: { reason: string } }).details.reason).toBe(reason);
    expectFieldError(refused, 'savedReplyId');
  });

  it('refuses at the edge an id that is no UUID, and a saved reply on a message that is not an operator’s', async () => {
    expectFieldError(await say(alice, { author: 'operator', text: 'Hi', savedReplyId: 'greeting' }), 'savedReplyId');
    expectFieldError(await say(channel, { author: 'client', text: 'Hi', savedReplyId: replies.greeting }), 'savedReplyId');
  });

  it('hides the replies of a deleted line from the picker', async () => {
    const picker = await http().get('/saved-replies').query({ minPosition: position }).set(bob).expect(200);
    expect((picker.body.items as { title: string }[]).map((reply) => reply.title)).toEqual(['Greeting']);
  });

  it('tells leads how often each reply was used and by whom, by time and line', async () => {
    expect(await stats(supervisor)).toEqual([
      {
        savedReplyId: replies.greeting,
        scope: 'team',
        title: 'Greeting',
        deleted: false,
        uses: 2,
        byOperator: [
          { operatorId: 'op-alice', uses: 1 },
          { operatorId: 'sup-1', uses: 1 },
        ],
      },
      { savedReplyId: replies.alices, scope: 'personal', title: null, deleted: false, uses: 1, byOperator: [{ operatorId: 'op-alice', uses: 1 }] },
    ]);
    expect((await stats(auditor, { lineId: 'old' })).length).toBe(0);
    expect((await stats(admin, { from: new Date(Date.now() + 60_000).toISOString() })).length).toBe(0);
    expectProblem(await http().get('/stats/saved-replies').set(alice), 403, 'role_not_allowed');
    expectProblem(await http().get('/stats/saved-replies').set(channel), 403, 'role_not_allowed');
    expectFieldError(await http().get('/stats/saved-replies').query({ from: 'yesterday' }).set(supervisor), 'from');
    expectFieldError(await http().get('/stats/saved-replies').query({ from: '2026-02-01', to: '2026-01-01' }).set(supervisor), 'to');
    expectFieldError(await http().get('/stats/saved-replies').query({ lineId: 'bad id!' }).set(supervisor), 'lineId');
  });

  it('forgets the uses of a deleted dialog', async () => {
    remember(await http().delete(`/dialogs/${dialogId}`).set(admin).send({ reason: 'test' }).expect(200));
    expect(await stats(supervisor)).toEqual([]);
  });
});
