import { OperatorWorkloadHandler } from './operator-workload.handler';
import { insertDialogListDataset, type QueryTestDatabase, startQueryTestDatabase } from '@switchboard/read-models/testing';

const counts = (some: object) => ({
  new: 0,
  queued: 0,
  in_work: 0,
  client_waiting: 0,
  client_waiting_new_question: 0,
  operator_answered: 0,
  ...some,
});

describe('operator workload', () => {
  let t: QueryTestDatabase;
  let handler: OperatorWorkloadHandler;
  beforeAll(async () => {
    t = await startQueryTestDatabase();
    handler = new OperatorWorkloadHandler(t.db);
    await insertDialogListDataset(t.pool);
  });
  afterAll(() => t.close());

  it('counts open assigned dialogs per operator and detailed status; closed and unassigned ones do not count', async () => {
    expect(await handler.execute({ viewer: { kind: 'supervisor', id: 'sup-1' } })).toEqual([
      { operatorId: 'op-a', open: 2, byStatus: counts({ in_work: 1, operator_answered: 1 }) },
      { operatorId: 'op-b', open: 1, byStatus: counts({ client_waiting_new_question: 1 }) },
      { operatorId: 'op-c', open: 1, byStatus: counts({ queued: 1 }) },
    ]);
    expect(await handler.execute({ viewer: { kind: 'auditor', id: 'aud-1' }, lineIds: ['sales'] })).toEqual([
      { operatorId: 'op-b', open: 1, byStatus: counts({ client_waiting_new_question: 1 }) },
    ]);
  });

  it('gives an operator their own row only, zeros when they hold nothing', async () => {
    expect(await handler.execute({ viewer: { kind: 'operator', id: 'op-a' } })).toEqual([
      { operatorId: 'op-a', open: 2, byStatus: counts({ in_work: 1, operator_answered: 1 }) },
    ]);
    expect(await handler.execute({ viewer: { kind: 'operator', id: 'op-z' } })).toEqual([{ operatorId: 'op-z', open: 0, byStatus: counts({}) }]);
  });
});
