import type { Actor } from '@switchboard/dialogs';
import type { Pool } from 'pg';
import { ListSavedRepliesHandler, type ListSavedRepliesQuery } from '../queries/list-saved-replies/list-saved-replies.handler';
import type { ReadDatabase } from '../queries/shared/read-database';
import {
  catchUp,
  inTransaction,
  readMatching,
  type ReadModelsTestKit,
  rebuild,
  snapshotReadModels,
  startTestKit,
  SupportScript,
} from '@switchboard/read-models/testing';
import { SavedRepliesProjection } from './saved-replies.projection';

const admin: Actor = { kind: 'admin', id: 'admin-1' };
const alice: Actor = { kind: 'operator', id: 'op-alice' };
const bob: Actor = { kind: 'operator', id: 'op-bob' };
const ids = {
  greeting: '0b6c2c1e-0000-4000-8000-000000000001',
  refund: '0b6c2c1e-0000-4000-8000-000000000002',
  aliceOwn: '0b6c2c1e-0000-4000-8000-000000000003',
  bobOwn: '0b6c2c1e-0000-4000-8000-000000000004',
  gone: '0b6c2c1e-0000-4000-8000-000000000005',
};

const readDatabase = (pool: Pool): ReadDatabase => ({ query: async (sql, params) => (await pool.query(sql, [...params])).rows });

describe('saved replies read model', () => {
  let kit: ReadModelsTestKit;
  let list: (query: Partial<ListSavedRepliesQuery> & { viewer: Actor }) => Promise<string[]>;
  const projection = new SavedRepliesProjection();

  beforeAll(async () => {
    kit = await startTestKit();
    const handler = new ListSavedRepliesHandler(readDatabase(kit.pool));
    list = async (query) => (await handler.execute({ limit: 50, ...query })).map((r) => r.title);
    const script = new SupportScript(kit.store);
    const create = (savedReplyId: string, scope: 'team' | 'personal', title: string, text: string, lineId: string | null, actor: Actor, minute: number) =>
      script.savedReply({ type: 'CreateSavedReply', data: { savedReplyId, scope, title, text, lineId } }, { actor, minute });
    await create(ids.greeting, 'team', 'Greeting', 'Hello {clientName}, how can I help?', null, admin, 1);
    await create(ids.refund, 'team', 'Refund policy', 'Refunds take 5 days. 100% guaranteed.', 'billing', admin, 2);
    await create(ids.aliceOwn, 'personal', 'Goodbye', 'Have a nice day!', null, alice, 3);
    await create(ids.bobOwn, 'personal', 'Bob signs off', 'Cheers, Bob', null, bob, 4);
    await create(ids.gone, 'team', 'Old promo', 'Use code SPRING', null, admin, 5);
    await script.savedReply(
      { type: 'EditSavedReply', data: { savedReplyId: ids.greeting, title: 'Greeting', text: 'Hi {clientName}!', lineId: null } },
      { actor: admin, minute: 6 },
    );
    await script.savedReply({ type: 'DeleteSavedReply', data: { savedReplyId: ids.gone } }, { actor: admin, minute: 7 });
    await catchUp(kit, [projection]);
  });
  afterAll(() => kit.close());

  it("shows each person the team's replies and their own, never another's, team first and by title", async () => {
    expect(await list({ viewer: alice })).toEqual(['Greeting', 'Refund policy', 'Goodbye']);
    expect(await list({ viewer: bob })).toEqual(['Greeting', 'Refund policy', 'Bob signs off']);
    expect(await list({ viewer: admin })).toEqual(['Greeting', 'Refund policy']);
  });

  it('keeps the edited content and drops the deleted reply', async () => {
    const [greeting] = await new ListSavedRepliesHandler(readDatabase(kit.pool)).execute({ viewer: alice, search: 'greet', limit: 5 });
    expect(greeting).toMatchObject({
      savedReplyId: ids.greeting,
      scope: 'team',
      ownerId: null,
      lineId: null,
      text: 'Hi {clientName}!',
      createdBy: 'admin-1',
      createdAt: new Date('2024-03-01T09:01:00.000Z'),
      updatedAt: new Date('2024-03-01T09:06:00.000Z'),
    });
    expect(await list({ viewer: admin, search: 'old' })).toEqual([]);
  });

  it('filters by line (its own and every-line replies), by scope, and searches title prefix or text, wildcards taken literally', async () => {
    expect(await list({ viewer: alice, lineId: 'support' })).toEqual(['Greeting', 'Goodbye']);
    expect(await list({ viewer: alice, lineId: 'billing' })).toEqual(['Greeting', 'Refund policy', 'Goodbye']);
    expect(await list({ viewer: alice, scope: 'personal' })).toEqual(['Goodbye']);
    expect(await list({ viewer: alice, search: 'REF' })).toEqual(['Refund policy']);
    expect(await list({ viewer: alice, search: 'nice day' })).toEqual(['Goodbye']);
    // The title matches from its start only: a search box narrows as the title is typed.
    expect(await list({ viewer: alice, search: 'policy' })).toEqual([]);
    expect(await list({ viewer: alice, search: '100%' })).toEqual(['Refund policy']);
    expect(await list({ viewer: alice, search: '%' })).toEqual(['Refund policy']);
    expect(await list({ viewer: alice, search: '_' })).toEqual([]);
    expect(await list({ viewer: alice, limit: 1 })).toEqual(['Greeting']);
  });

  it('applies a batch given twice once, and a rebuild gives the same rows', async () => {
    const before = await snapshotReadModels(kit.pool);
    const events = await readMatching(kit, projection.filter);
    await inTransaction(kit, async (tx) => {
      await tx.query(`SET LOCAL search_path TO ${await liveSchema(kit)}`);
      await projection.handle(events, tx);
    });
    expect(await snapshotReadModels(kit.pool)).toEqual(before);
    await rebuild(kit, [projection], 2);
    expect((await snapshotReadModels(kit.pool)).saved_replies).toEqual(before.saved_replies);
    expect(before.saved_replies).toHaveLength(5);
  });
});

async function liveSchema(kit: ReadModelsTestKit): Promise<string> {
  const live = (await kit.catalog.list('read-models.saved-replies')).find((g) => g.status === 'live');
  if (!live) throw new Error('no live generation');
  return live.schema;
}
