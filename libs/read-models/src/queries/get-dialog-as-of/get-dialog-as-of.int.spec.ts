import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@switchboard/event-store';
import { ChangeLineCommand, OpenDialogCommand, type DialogCommandResult } from '@switchboard/dialog-commands';
import type { Actor } from '@switchboard/dialogs';
import {
  admin,
  as,
  channel,
  dialogChange,
  lineChange,
  operator,
  operatorChange,
  startWriteSide,
  supervisor,
  type DialogChangeOf,
  type WriteSide,
} from '@switchboard/test-support/integration/write-side';
import { GetDialogHandler } from '../get-dialog/get-dialog.handler';
import type { DialogView } from '../list-dialogs/dialog-view';
import { ReadModelFreshness } from '../read-your-writes/read-model-freshness';
import { readModelSources } from '../read-your-writes/read-model-sources';
import type { ReadDatabase } from '../shared/read-database';
import { GetDialogAsOfHandler } from './get-dialog-as-of.handler';

const start = Date.parse('2025-06-02T09:00:00.000Z');
const at = (minute: number): Date => new Date(start + minute * 60_000);

/**
 * A dialog written through the real write side with its own occurredAt values, projected by the
 * real projector. After each step the list's view of it is kept; asked later as of that step's
 * instant, time travel must answer exactly that view, field for field.
 */
describe('get dialog as of an instant', () => {
  let side: WriteSide;
  let pool: Pool;
  let asOf: GetDialogAsOfHandler;
  let current: GetDialogHandler;
  let freshness: ReadModelFreshness;
  const dialogId = randomUUID();
  const seen = new Map<number, DialogView>();

  const caughtUp = async (result: DialogCommandResult) => {
    if (result.position === null) throw new Error('the command recorded nothing');
    expect(await freshness.waitFor(result.position, [readModelSources.dialogList])).toBe(true);
  };
  const change = (minute: number, intent: DialogChangeOf, actor: Actor) =>
    side.bus.execute(dialogChange(dialogId, intent, as(actor, { occurredAt: at(minute) })));
  const say = (minute: number, author: 'client' | 'operator', actor: Actor) =>
    change(minute, { type: 'SendMessage', messageId: randomUUID(), author: { kind: author }, text: `${author} at ${minute}` }, actor);
  // Opening hours of 'support' in London (UTC+1 in June): open 09:00-09:03 and 09:12-10:00 UTC,
  // from minute 11.5 on 09:13-10:00 only, so the second interval (10 -> 15) spans the change.
  const hours = (...spans: { from: string; to: string }[]) => ({ timeZone: 'Europe/London', weekly: { mon: spans }, holidays: [] });
  const setHours = (minute: number, schedule: ReturnType<typeof hours>) =>
    side.bus.execute<ChangeLineCommand, DialogCommandResult>(
      lineChange('support', { type: 'SetLineSchedule', ...schedule }, as(admin, { occurredAt: at(minute) })),
    );
  const viewNow = async (viewer: Actor = supervisor) => current.execute({ viewer, dialogId });

  // The scenario, minute by minute: [minute, step].
  const steps: readonly (readonly [number, () => Promise<DialogCommandResult>])[] = [
    [
      0,
      () =>
        side.bus.execute(
          new OpenDialogCommand(
            { dialogId, direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1', name: 'Kim' } },
            as(channel, { occurredAt: at(0) }),
          ),
        ),
    ],
    [1, () => say(1, 'client', channel)],
    [2, () => change(2, { type: 'AssignOperator', operatorId: 'op-a' }, supervisor)],
    [3, () => change(3, { type: 'AddTag', tag: 'delivery' }, operator('op-a'))],
    [4, () => change(4, { type: 'TakeIntoWork' }, operator('op-a'))],
    [5, () => say(5, 'operator', operator('op-a'))],
    // Operators join only their own dialogs; op-b also holds a supervisor's token, which may join any.
    [6, () => change(6, { type: 'JoinDialog' }, { kind: 'supervisor', id: 'op-b' })],
    [7, () => change(7, { type: 'PinDialog', operatorId: 'op-a' }, operator('op-a'))],
    [8, () => change(8, { type: 'LeaveDialog' }, { kind: 'supervisor', id: 'op-b' })],
    [9, () => change(9, { type: 'AssignOperator', operatorId: 'op-c' }, supervisor)],
    [10, () => say(10, 'client', channel)],
    [11, () => change(11, { type: 'AssignOperator', operatorId: 'op-a' }, supervisor)],
    // Half a minute after the reassignment, so each step has an instant of its own.
    [11.5, () => setHours(11.5, hours({ from: '10:13', to: '11:00' }))],
    [12, () => say(12, 'client', channel)],
    [15, () => say(15, 'operator', operator('op-a'))],
    [20, () => change(20, { type: 'CloseDialog' }, operator('op-a'))],
    [30, () => change(30, { type: 'ReopenDialog' }, operator('op-a'))],
    [31, () => say(31, 'client', channel)],
    [34, () => say(34, 'operator', operator('op-a'))],
    [40, () => change(40, { type: 'CloseDialog', awaitingRating: true }, operator('op-a'))],
    [41, () => change(41, { type: 'RateDialog', rating: 4, comment: 'fine' }, channel)],
    [45, () => change(45, { type: 'ReviewDialog', score: 5, comment: 'well done' }, supervisor)],
  ];

  beforeAll(async () => {
    side = await startWriteSide();
    pool = new Pool({ connectionString: side.db.url });
    const db: ReadDatabase = { query: async <Row extends object>(sql: string, params: readonly unknown[]) => (await pool.query<Row>(sql, [...params])).rows };
    asOf = new GetDialogAsOfHandler(db, side.app.get<EventStore>(EVENT_STORE));
    current = new GetDialogHandler(db);
    freshness = new ReadModelFreshness(db, { timeoutMs: 10_000, pollMs: 20 });
    await side.bus.execute(lineChange('support', { type: 'CreateLine', name: 'Support', routingMode: 'manual', operatorIds: [] }, as(admin)));
    await setHours(-60, hours({ from: '10:00', to: '10:03' }, { from: '10:12', to: '11:00' }));
    for (const id of ['op-a', 'op-b', 'op-c']) {
      await side.bus.execute(operatorChange(id, { type: 'RegisterOperator', name: id, lineIds: ['support'] }, as(admin)));
    }
    for (const [minute, step] of steps) {
      await caughtUp(await step());
      const view = await viewNow();
      if (view === undefined) throw new Error(`the list lost the dialog at minute ${minute}`);
      seen.set(minute, view);
    }
  });
  afterAll(async () => {
    await pool.end();
    await side.close();
  });

  const travel = (minute: number, viewer: Actor = supervisor, offsetMs = 0) =>
    asOf.execute({ viewer, dialogId, asOf: new Date(at(minute).getTime() + offsetMs) });
  const dialogAt = async (minute: number, offsetMs = 0): Promise<DialogView> => {
    const answer = await travel(minute, supervisor, offsetMs);
    if (answer.kind !== 'found') throw new Error(`no dialog at minute ${minute}: ${answer.kind}`);
    return answer.dialog;
  };

  it('answers, at every step, exactly what GET /dialogs/{id} answered right after it', async () => {
    for (const [minute] of steps) expect({ minute, view: await dialogAt(minute) }).toEqual({ minute, view: seen.get(minute) });
  });

  it('answers the dialog as it is now for the present, or any later instant', async () => {
    const now = await viewNow();
    expect(await asOf.execute({ viewer: supervisor, dialogId, asOf: new Date() })).toEqual({ kind: 'found', dialog: now });
    expect(await asOf.execute({ viewer: supervisor, dialogId, asOf: new Date('2999-01-01T00:00:00Z') })).toEqual({ kind: 'found', dialog: now });
  });

  it('answers between two events the state after the earlier one', async () => {
    expect(await dialogAt(5, -1)).toEqual(seen.get(4));
    expect(await dialogAt(29)).toEqual(seen.get(20));
  });

  it('tells a dialog not opened yet from one that does not exist', async () => {
    expect(await travel(0, supervisor, -1)).toEqual({ kind: 'not_opened_yet', openedAt: at(0).toISOString() });
    expect(await asOf.execute({ viewer: supervisor, dialogId: randomUUID(), asOf: at(10) })).toEqual({ kind: 'not_found' });
  });

  it('follows status, assignee, participants, tags and pin through the history', async () => {
    expect(await dialogAt(0)).toMatchObject({ detailedStatus: 'new', journalStatus: 'unassigned', assigneeId: null, tags: [] });
    expect(await dialogAt(2)).toMatchObject({ detailedStatus: 'new', journalStatus: 'active', assigneeId: 'op-a' });
    expect(await dialogAt(4)).toMatchObject({ detailedStatus: 'in_work', tags: ['delivery'], workStartedAt: at(4), timeToStartOfWorkMs: 4 * 60_000 });
    expect(await dialogAt(7)).toMatchObject({ participants: ['op-b'], pinnedTo: 'op-a' });
    expect(await dialogAt(8)).toMatchObject({ participants: [] });
    expect(await dialogAt(20)).toMatchObject({ generalStatus: 'closed', detailedStatus: 'closed', closedAt: at(20), closedByOperatorAt: at(20) });
    expect(await dialogAt(30)).toMatchObject({ generalStatus: 'operator_answered', closedAt: null, journalStatus: 'active' });
    expect(await dialogAt(41)).toMatchObject({ detailedStatus: 'closed', clientRating: 4, clientComment: 'fine', reviewScore: null, closedAt: at(40) });
    expect(await dialogAt(45)).toMatchObject({ reviewScore: 5, reviewComment: 'well done', reviewerId: supervisor.id });
  });

  it('counts reassignments and reopens as they stood', async () => {
    expect(await dialogAt(2)).toMatchObject({ reassignmentCount: 0, reopenCount: 0 });
    expect(await dialogAt(9)).toMatchObject({ assigneeId: 'op-c', reassignmentCount: 1, reopenCount: 0 });
    expect(await dialogAt(29)).toMatchObject({ assigneeId: 'op-a', reassignmentCount: 2, reopenCount: 0 });
    expect(await dialogAt(30)).toMatchObject({ reassignmentCount: 2, reopenCount: 1 });
  });

  it('counts an interval still open at the instant in no sum', async () => {
    // Minute 1: the client wrote, nobody answered yet.
    expect(await dialogAt(1)).toMatchObject({ waitingSince: at(1), responseCount: 0, totalResponseMs: null, waitForFirstReplyMs: null });
    expect(await dialogAt(5)).toMatchObject({ waitingSince: null, responseCount: 1, totalResponseMs: 4 * 60_000, waitForFirstReplyMs: 4 * 60_000 });
    // Minute 12: a second interval opened at 10 and is still open; only the first counts.
    expect(await dialogAt(12)).toMatchObject({ waitingSince: at(10), responseCount: 1, totalResponseMs: 4 * 60_000, maxResponseMs: 4 * 60_000 });
    expect(await dialogAt(15)).toMatchObject({ waitingSince: null, responseCount: 2, totalResponseMs: 9 * 60_000, maxResponseMs: 5 * 60_000 });
  });

  it('measures business hours under the schedule in force at each moment, as the line stream recorded it', async () => {
    // 1 -> 5: open 1-3. 10 -> 15: closed 10-11.5 under the first hours, open 13-15 under the second.
    expect(await dialogAt(5)).toMatchObject({ waitForFirstReplyMs: 4 * 60_000, waitForFirstReplyBusinessMs: 2 * 60_000, totalResponseBusinessMs: 2 * 60_000 });
    expect(await dialogAt(15)).toMatchObject({ totalResponseMs: 9 * 60_000, totalResponseBusinessMs: 4 * 60_000, maxResponseBusinessMs: 2 * 60_000 });
    expect(await dialogAt(20)).toMatchObject({ timeToCloseByOperatorMs: 20 * 60_000, timeToCloseByOperatorBusinessMs: (3 + 7) * 60_000 });
  });

  it('shows an operator only what GET /dialogs/{id} shows them now, whatever they saw then', async () => {
    expect((await travel(10, operator('op-a'))).kind).toBe('found');
    // op-b took part from minute 6 to 8, and takes no part now.
    expect(await travel(7, operator('op-b'))).toEqual({ kind: 'not_found' });
    expect(await travel(0, operator('op-c'))).toEqual({ kind: 'not_found' });
    expect(await travel(0, { kind: 'service', id: 'telegram' })).toEqual({ kind: 'not_found' });
  });

  it('answers nothing for a dialog deleted with its line; its events stay', async () => {
    await side.bus.execute(lineChange('legacy', { type: 'CreateLine', name: 'Legacy', routingMode: 'manual', operatorIds: [] }, as(admin)));
    const opened = await side.bus.execute(
      new OpenDialogCommand(
        { direction: 'inbound', channel: 'telegram', lineId: 'legacy', client: { id: 'c-2', name: 'Lee' } },
        as(channel, { occurredAt: at(50) }),
      ),
    );
    await caughtUp(opened);
    expect((await asOf.execute({ viewer: supervisor, dialogId: opened.dialogId, asOf: at(51) })).kind).toBe('found');
    await caughtUp({ ...(await side.bus.execute(lineChange('legacy', { type: 'DeleteLine' }, as(admin)))), dialogId: opened.dialogId });
    expect(await asOf.execute({ viewer: supervisor, dialogId: opened.dialogId, asOf: at(51) })).toEqual({ kind: 'not_found' });
  });
});
