import type { Actor } from '@switchboard/dialogs';
import { ListSavedRepliesHandler } from '../queries/list-saved-replies/list-saved-replies.handler';
import { readDatabaseOf } from '../queries/shared/read-database';
import { SavedReplyStatsHandler, type SavedReplyStatsQuery } from '../queries/saved-reply-stats/saved-reply-stats.handler';
import { SavedRepliesProjection } from '../saved-replies/saved-replies.projection';
import { catchUp, isoAt, type ReadModelsTestKit, rebuild, snapshotReadModels, startTestKit, SupportScript } from '@switchboard/read-models/testing';
import { SavedReplyUsesProjection } from './saved-reply-uses.projection';

const admin: Actor = { kind: 'admin', id: 'admin-1' };
const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
const alice: Actor = { kind: 'operator', id: 'op-alice' };
const bob: Actor = { kind: 'operator', id: 'op-bob' };
const gateway: Actor = { kind: 'service', id: 'web' };
const replies = {
  greeting: '0b6c2c1e-0000-4000-8000-00000000000a',
  billing: '0b6c2c1e-0000-4000-8000-00000000000b',
  aliceOwn: '0b6c2c1e-0000-4000-8000-00000000000c',
};
const dialogs = {
  sales1: '0d1a1095-0000-4000-8000-000000000001',
  support: '0d1a1095-0000-4000-8000-000000000002',
  sales2: '0d1a1095-0000-4000-8000-000000000003',
};

/** Which saved reply was used how often and by whom; a line's deletion hides its replies. */
describe('saved reply uses and their statistics', () => {
  let kit: ReadModelsTestKit;
  let script: SupportScript;
  let stats: (query: SavedReplyStatsQuery) => Promise<unknown>;
  const projections = [new SavedReplyUsesProjection(), new SavedRepliesProjection()];
  const use = (dialogId: string, savedReplyId: string, actor: Actor, minute: number) =>
    script.dialog(
      { type: 'SendMessage', data: { dialogId, messageId: `m-${minute}`, author: { kind: 'operator' }, text: 'from a template', savedReplyId } },
      { actor, minute },
    );

  beforeAll(async () => {
    kit = await startTestKit();
    script = new SupportScript(kit.store);
    const handler = new SavedReplyStatsHandler(readDatabaseOf(kit.pool));
    stats = (query) => handler.execute(query);
    for (const lineId of ['sales', 'support']) {
      await script.line({ type: 'CreateLine', data: { lineId, name: lineId, routingMode: 'manual', operatorIds: [] } }, { actor: admin, minute: 0 });
    }
    const create = (savedReplyId: string, scope: 'team' | 'personal', title: string, lineId: string | null, actor: Actor) =>
      script.savedReply({ type: 'CreateSavedReply', data: { savedReplyId, scope, title, text: 'Hello {clientName}', lineId } }, { actor, minute: 0 });
    await create(replies.greeting, 'team', 'Greeting', null, admin);
    await create(replies.billing, 'team', 'Billing', 'support', admin);
    await create(replies.aliceOwn, 'personal', 'Alice signs off', null, alice);
    for (const [dialogId, lineId] of [
      [dialogs.sales1, 'sales'],
      [dialogs.support, 'support'],
      [dialogs.sales2, 'sales'],
    ]) {
      await script.dialog(
        { type: 'OpenDialog', data: { dialogId, direction: 'inbound', channel: 'web', lineId, client: { id: `c-${dialogId}` } } },
        { actor: gateway, minute: 1 },
      );
    }
    await use(dialogs.sales1, replies.greeting, alice, 10);
    await use(dialogs.sales1, replies.greeting, alice, 11);
    await use(dialogs.support, replies.greeting, bob, 12);
    await use(dialogs.support, replies.billing, supervisor, 13);
    await use(dialogs.sales2, replies.aliceOwn, alice, 14);
    await catchUp(kit, projections);
  });
  afterAll(() => kit.close());

  it('counts each reply, most used first, and who used it, most often first', async () => {
    expect(await stats({ viewer: supervisor })).toEqual([
      {
        savedReplyId: replies.greeting,
        scope: 'team',
        title: 'Greeting',
        deleted: false,
        uses: 3,
        byOperator: [
          { operatorId: 'op-alice', uses: 2 },
          { operatorId: 'op-bob', uses: 1 },
        ],
      },
      { savedReplyId: replies.billing, scope: 'team', title: 'Billing', deleted: false, uses: 1, byOperator: [{ operatorId: 'sup-1', uses: 1 }] },
      // Another's personal reply: counted, its title kept private.
      { savedReplyId: replies.aliceOwn, scope: 'personal', title: null, deleted: false, uses: 1, byOperator: [{ operatorId: 'op-alice', uses: 1 }] },
    ]);
    expect(await stats({ viewer: alice })).toContainEqual(expect.objectContaining({ savedReplyId: replies.aliceOwn, title: 'Alice signs off' }));
  });

  it('filters by when the reply was used and by the line of its dialog', async () => {
    const uses = async (query: Omit<SavedReplyStatsQuery, 'viewer'>) =>
      ((await stats({ viewer: supervisor, ...query })) as { savedReplyId: string; uses: number }[]).map((u) => [u.savedReplyId, u.uses]);
    expect(await uses({ used: { from: new Date(isoAt(11)), to: new Date(isoAt(13)) } })).toEqual([[replies.greeting, 2]]);
    // Equal counts go by the reply's id.
    expect(await uses({ lineIds: ['support'] })).toEqual([
      [replies.greeting, 1],
      [replies.billing, 1],
    ]);
    expect(await uses({ lineIds: ['nowhere'] })).toEqual([]);
  });

  it('drops the uses of a deleted dialog, and of the dialogs of a deleted line, whose replies it hides', async () => {
    await script.dialog({ type: 'DeleteDialog', data: { dialogId: dialogs.sales2, reason: 'test' } }, { actor: admin, minute: 20 });
    await script.line({ type: 'DeleteLine', data: { lineId: 'support' } }, { actor: admin, minute: 21 });
    await catchUp(kit, projections);
    expect(await stats({ viewer: supervisor })).toEqual([
      expect.objectContaining({ savedReplyId: replies.greeting, uses: 2, byOperator: [{ operatorId: 'op-alice', uses: 2 }] }),
    ]);
    const picker = await new ListSavedRepliesHandler(readDatabaseOf(kit.pool)).execute({ viewer: alice, limit: 10 });
    expect(picker.map((reply) => reply.title)).toEqual(['Greeting', 'Alice signs off']);
  });

  it('is the same after a rebuild, in large batches or one event at a time', async () => {
    const live = await snapshotReadModels(kit.pool);
    expect(live.saved_reply_uses).toHaveLength(2);
    expect(live.saved_replies_deleted_lines).toEqual([{ line_id: 'support', deleted_at: `${isoAt(21).slice(0, -5)}+00:00` }]);
    for (const batchSize of [1000, 1]) {
      await rebuild(kit, projections, batchSize);
      expect(await snapshotReadModels(kit.pool)).toEqual(live);
    }
  });
});
