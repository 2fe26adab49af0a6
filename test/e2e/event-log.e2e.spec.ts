import request from 'supertest';
import { eventually } from '@switchboard/testing';
import { expectFieldError, expectProblem } from './support/problem';
import { EdgeTestApp, startEdgeTestApp } from './support/edge-app';
import { bearer, tokenFor } from './support/tokens';

type EventJson = {
  id: string;
  type: string;
  streamId: string;
  revision: string;
  position: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
};
type Page = { events: EventJson[]; nextPosition: string | null };

/** GET /events as JSON: pages of the log in order, filtered, for the roles that may read it all. */
describe('GET /events (JSON pages)', () => {
  let edge: EdgeTestApp;
  /** Every event the commands below recorded, in the order they answered, by type. */
  const recorded: string[] = [];
  let lastPosition = '';
  const admin = tokenFor('admin', 'admin-1');
  const service = tokenFor('service', 'telegram');
  const auditor = tokenFor('auditor', 'aud-1');
  const http = () => request(edge.app.getHttpServer());
  const as = (token: string) => ({ Authorization: bearer(token) });
  const events = (query: Record<string, string>, token = service) => http().get('/events').query(query).set(as(token));
  const send = async (test: request.Test) => {
    const response = await test;
    expect(response.status).toBeLessThan(300);
    recorded.push(...(response.body.eventTypes as string[]));
    lastPosition = response.body.position as string;
    return response;
  };
  /**
   * Follows nextPosition until an empty page, as a client catching up does. A full page ends at
   * its last event; a short one, and an empty one, as far as the read looked: never before it.
   */
  async function walk(query: Record<string, string>): Promise<{ events: EventJson[]; pages: number; end: string | null }> {
    const all: EventJson[] = [];
    let from: string | null = null;
    const limit = Number(query.limit ?? 100);
    for (let pages = 1; ; pages++) {
      const response = await events({ ...query, ...(from === null ? {} : { from }) }).expect(200);
      const page = response.body as Page;
      const last = page.events.at(-1)?.position ?? from;
      if (page.events.length === limit) expect(page.nextPosition).toBe(last);
      else if (last !== null) expect(BigInt(page.nextPosition ?? -1)).toBeGreaterThanOrEqual(BigInt(last));
      if (page.events.length === 0) return { events: all, pages, end: page.nextPosition };
      all.push(...page.events);
      from = page.nextPosition;
    }
  }

  beforeAll(async () => {
    edge = await startEdgeTestApp();
    await send(http().post('/lines').set(as(admin)).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }));
    await send(
      http()
        .post('/operators')
        .set(as(admin))
        .send({ operatorId: 'op-a', name: 'Ann', lineIds: ['support'] }),
    );
    for (let i = 0; i < 4; i++) {
      const opened = await send(
        http()
          .post('/dialogs')
          .set(as(service))
          .send({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: `c-${i}`, name: 'Kim' } }),
      );
      const dialogId = opened.body.dialogId as string;
      await send(
        http()
          .post(`/dialogs/${dialogId}/messages`)
          .set(as(service))
          .send({ author: 'client', text: `question ${i}\nsecond line` }),
      );
      await send(
        http()
          .post(`/dialogs/${dialogId}/messages`)
          .set(as(tokenFor('operator', 'op-a')))
          .send({ author: 'operator', text: 'answer' }),
      );
    }
    // Readers stop short of any transaction still open on the server (the projector's writes
    // among them), so the newest events may be out of sight for a moment after their answers.
    await seesThrough(lastPosition, {});
  });
  /** Waits until a read with `query` (the log here is far shorter than a page) holds the event at `position`. */
  const seesThrough = (position: string, query: Record<string, string>) =>
    eventually(async () => ((await events({ ...query, limit: '1000' })).body as Page).events.some((e) => e.position === position), `readers see ${position}`);
  afterAll(() => edge.stop());

  it('walks the whole log exactly once, in position order, whatever the page size', async () => {
    const whole = await walk({ limit: '1000' });
    expect(whole.events.map((e) => e.type)).toEqual(recorded);
    const positions = whole.events.map((e) => BigInt(e.position));
    positions.forEach((position, i) => i > 0 && expect(position).toBeGreaterThan(positions[i - 1]));
    expect(new Set(whole.events.map((e) => e.id)).size).toBe(recorded.length);
    expect(whole.events.at(-1)?.position).toBe(lastPosition);
    const byThree = await walk({ limit: '3' });
    expect(byThree.events).toEqual(whole.events);
    // Every page but the empty one at the end is full, partial last page included.
    expect(byThree.pages).toBe(Math.ceil(recorded.length / 3) + 1);
  });

  it('answers each event whole: ids, stream, revision and position as strings, data, metadata, recordedAt', async () => {
    const {
      events: [first],
    } = (await events({ limit: '1' }).expect(200)).body as Page;
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'LineCreated',
      streamId: 'line-support',
      revision: '0',
      position: expect.stringMatching(/^\d+$/),
      data: expect.objectContaining({ lineId: 'support', name: 'Support' }),
      metadata: expect.objectContaining({ actor: { kind: 'admin', id: 'admin-1' }, correlationId: expect.any(String), schemaVersion: 1 }),
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('filters by event type and stream category, any of each list, both together', async () => {
    const whole = (await walk({ limit: '1000' })).events;
    const messages = await walk({ types: 'MessageSent', limit: '2' });
    expect(messages.events).toEqual(whole.filter((e) => e.type === 'MessageSent'));
    expect(messages.events).toHaveLength(8);
    const assignedOrOpened = await walk({ types: 'OperatorAssigned,DialogOpened' });
    expect(assignedOrOpened.events).toEqual(whole.filter((e) => ['OperatorAssigned', 'DialogOpened'].includes(e.type)));
    const lineAndOperator = await walk({ category: 'line,operator' });
    expect(lineAndOperator.events).toEqual(whole.filter((e) => /^(line|operator)-/.test(e.streamId)));
    expect(lineAndOperator.events.map((e) => e.type)).toEqual(['LineCreated', 'OperatorRegistered']);
    expect((await walk({ category: 'line', types: 'MessageSent' })).events).toEqual([]);
  });

  it('reads after `from`, exclusive, and answers an empty page at the head with the same position', async () => {
    const whole = (await walk({})).events;
    const page = (await events({ from: whole[4].position, limit: '2' }).expect(200)).body as Page;
    expect(page.events).toEqual(whole.slice(5, 7));
    const atHead = (await events({ from: lastPosition }).expect(200)).body as Page;
    expect(atHead.events).toEqual([]);
    expect(BigInt(atHead.nextPosition ?? -1)).toBeGreaterThanOrEqual(BigInt(lastPosition));
    const fromZero = (await events({ from: '0', limit: '1' }).expect(200)).body as Page;
    expect(fromZero.events).toEqual(whole.slice(0, 1));
  });

  it('answers a filtered read a nextPosition past the events it looked through, and finds a later match from there', async () => {
    // Past every event of the log, the messages after the line included: they are not read again.
    // (Once readers see them all: the horizon waits for every older transaction on the server.)
    const pastAll = (end: string | null) => BigInt(end ?? -1) >= BigInt(lastPosition);
    let lines = await walk({ types: 'LineCreated' });
    for (const deadline = Date.now() + 10_000; !pastAll(lines.end) && Date.now() < deadline;) lines = await walk({ types: 'LineCreated' });
    expect(lines.events.map((e) => e.type)).toEqual(['LineCreated']);
    expect(pastAll(lines.end)).toBe(true);
    await send(http().post('/lines').set(as(admin)).send({ lineId: 'sales', name: 'Sales', routingMode: 'manual' }));
    await seesThrough(lastPosition, { types: 'LineCreated' });
    const later = await walk({ types: 'LineCreated', from: lines.end as string });
    expect(later.events.map((e) => e.streamId)).toEqual(['line-sales']);
  });

  it('refuses bad parameters with 400 naming the field and why', async () => {
    expect(expectFieldError(await events({ from: 'abc' }), 'from')[0]).toMatch(/log position/);
    expectFieldError(await events({ from: '-1' }), 'from');
    expectFieldError(await events({ from: '99999999999999999999' }), 'from');
    const unknown = expectFieldError(await events({ types: 'DialogOpened,DialogExploded,nope' }), 'types');
    expect(unknown).toEqual([expect.stringMatching(/^unknown event types: DialogExploded, nope; the catalogue has .*DialogOpened/)]);
    expect(expectFieldError(await events({ category: 'dialog,ticket' }), 'category')[0]).toMatch(/dialog, operator, line, savedreply, reminder, client/);
    for (const limit of ['0', '1001', 'ten', '2.5'])
      expect(expectFieldError(await events({ limit }), 'limit')).toEqual(['limit must be a whole number from 1 to 1000']);
    expectFieldError(await events({ since: '2024-01-01' }), 'since');
  });

  it("is for services, admins and auditors; operators and supervisors may not read every team's events", async () => {
    for (const token of [service, admin, auditor]) expect((await events({ limit: '1' }, token)).status).toBe(200);
    for (const token of [tokenFor('operator', 'op-a'), tokenFor('supervisor', 'sup-1')]) expectProblem(await events({}, token), 403, 'role_not_allowed');
    expectProblem(await http().get('/events'), 401);
  });
});
