import { DataSource } from 'typeorm';
import { readModelEntities } from './index';
import { AssignmentAuditEntry } from './assignment-audit/assignment-audit.entity';
import { DialogListEntry } from './dialog-list/dialog-list.entity';
import { DialogMessageEntry } from './dialog-messages/dialog-message.entity';
import { ResponseIntervalEntry } from './response-intervals/response-interval.entity';
import { StatusChangeEntry } from './status-history/status-change.entity';
import { allProjections, catchUp, startTestKit, type ReadModelsTestKit } from './testing/read-models-test-kit';
import { SupportScript, isoAt } from './testing/support-script';
import { dialogs, writeSupportScenario } from './testing/support-scenario';

describe('TypeORM entities of the read models', () => {
  let kit: ReadModelsTestKit;
  let source: DataSource;
  beforeAll(async () => {
    kit = await startTestKit();
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, allProjections());
    source = new DataSource({ type: 'postgres', url: kit.db.url, entities: [...readModelEntities], synchronize: false });
    await source.initialize();
  });
  afterAll(async () => {
    await source.destroy();
    await kit.close();
  });

  it('map the dialog list with typed dates, numbers and arrays, the folded states left out', async () => {
    const refund = await source.getRepository(DialogListEntry).findOneByOrFail({ dialogId: dialogs.refund });
    expect(refund).toMatchObject({
      number: 1,
      lineId: 'support',
      participants: ['op-bob'],
      crmLink: { kind: 'order', id: '1234', url: 'https://crm.example/orders/1234' },
      createdAt: new Date(isoAt(1)),
      maxResponseMs: 8 * 60_000,
      responseCount: 3,
    });
    expect(refund.summary).toBeUndefined();
    expect(typeof refund.lastPosition).toBe('string');
  });

  it('map messages, status changes, the assignment trail and response intervals', async () => {
    const byDialog = { where: { dialogId: dialogs.refund }, order: { position: 'ASC' } } as const;
    const messages = await source.getRepository(DialogMessageEntry).find(byDialog);
    expect(messages.filter((m) => m.kind !== 'system').map((m) => m.itemId)).toEqual(['c1', 'c2', 'o1', 'c3', 'n1', 'o2', 'c4', 'o3']);
    expect(messages.find((m) => m.kind === 'system')).toMatchObject({ action: 'assigned', actorKind: 'operator', actorId: 'op-ann', itemId: null });
    const changes = await source.getRepository(StatusChangeEntry).find(byDialog);
    expect(changes[0]).toMatchObject({ fromDetailedStatus: null, toDetailedStatus: 'new', occurredAt: new Date(isoAt(1)) });
    const trail = await source.getRepository(AssignmentAuditEntry).find(byDialog);
    expect(trail.map((e) => e.toOperatorId)).toEqual(['op-ann', 'op-bob', null, 'op-ann']);
    const intervals = await source.getRepository(ResponseIntervalEntry).find(byDialog);
    expect(intervals.map((i) => [i.durationMs, i.day])).toEqual([
      [3 * 60_000, '2024-03-01'],
      [8 * 60_000, '2024-03-01'],
      [2 * 60_000, '2024-03-01'],
    ]);
  });
});
