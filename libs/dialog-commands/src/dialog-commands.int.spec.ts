import { randomUUID } from 'node:crypto';
import { dialogStreamName, DomainError } from '@switchboard/dialogs';
import { EVENT_STORE, EventStore, RecordedEvent } from '@switchboard/event-store';
import { BulkChangeDialogsCommand, BulkResult, OpenDialogCommand, PreconditionFailedError, RequestContext } from '@switchboard/dialog-commands';
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
  WriteSide,
  waitFor,
  type DialogChangeOf,
} from '@switchboard/test-support/integration/write-side';
import { OperatorLoad } from './routing/operator-load';
import { FinishClosingWhenRatingTimesOut } from './reactions/finish-closing-when-rating-times-out';
import { DataSource } from 'typeorm';

describe('dialog command handlers (PostgreSQL event store)', () => {
  let side: WriteSide;
  let store: EventStore;
  beforeAll(async () => {
    side = await startWriteSide();
    store = side.app.get(EVENT_STORE);
    await createLine('support', { type: 'CreateLine', name: 'Support', routingMode: 'manual', operatorIds: [] });
    for (const id of ['op-a', 'op-b', 'op-c']) await registerOperator(id);
  });
  afterAll(() => side.close());

  const createLine = (lineId: string, intent: Parameters<typeof lineChange>[1]) => side.bus.execute(lineChange(lineId, intent, as(admin)));
  const registerOperator = (operatorId: string) =>
    side.bus.execute(operatorChange(operatorId, { type: 'RegisterOperator', name: operatorId, lineIds: [] }, as(admin)));
  const open = (intent: Partial<OpenDialogCommand['data']> = {}, context: RequestContext = as(channel)) =>
    side.bus.execute(
      new OpenDialogCommand({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'client-1', name: 'Ann' }, ...intent }, context),
    );
  const change = (dialogId: string, intent: DialogChangeOf, context: RequestContext) => side.bus.execute(dialogChange(dialogId, intent, context));
  const clientSays = (dialogId: string, text: string, context: RequestContext = as(channel)) =>
    change(dialogId, { type: 'SendMessage', messageId: randomUUID(), author: { kind: 'client' }, text }, context);
  const operatorSays = (dialogId: string, operatorId: string, text: string, seenRevision?: bigint) =>
    change(dialogId, { type: 'SendMessage', messageId: randomUUID(), author: { kind: 'operator' }, text, seenRevision }, as(operator(operatorId)));
  const eventsOf = async (dialogId: string): Promise<RecordedEvent[]> => store.readStream(dialogStreamName(dialogId));

  it('records the actor, correlation, causation and occurredAt of every event', async () => {
    const context = as(channel, { occurredAt: new Date('2026-01-05T10:00:00Z') });
    const { dialogId } = await open({}, context);
    const [opened] = await eventsOf(dialogId);
    expect(opened.type).toBe('DialogOpened');
    expect(opened.metadata).toMatchObject({
      actor: { kind: 'service', id: 'telegram-bridge' },
      correlationId: context.correlationId,
      causationId: context.correlationId,
      occurredAt: '2026-01-05T10:00:00.000Z',
      schemaVersion: 1,
    });
    expect(opened.data.occurredAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('lets exactly one of two racing operators be assigned and records both replies, every time', async () => {
    for (let round = 0; round < 25; round++) {
      const { dialogId } = await open();
      const { revision: seen } = await clientSays(dialogId, 'hello?');
      // Both screens showed the client's question; each reply names that revision.
      await Promise.all([operatorSays(dialogId, 'op-a', 'Hi from A', seen), operatorSays(dialogId, 'op-b', 'Hi from B', seen)]);
      const events = await eventsOf(dialogId);
      const replies = events.filter((e) => e.type === 'MessageSent' && (e.data.author as { kind: string }).kind === 'operator');
      const assigned = events.filter((e) => e.type === 'OperatorAssigned');
      const joined = events.filter((e) => e.type === 'ParticipantJoined');
      expect(replies.map((e) => e.data.text).sort()).toEqual(['Hi from A', 'Hi from B']);
      expect(assigned).toHaveLength(1);
      expect(assigned[0].data.reason).toBe('first_reply');
      expect(joined).toHaveLength(1);
      expect(joined[0].data.operatorId).not.toBe(assigned[0].data.operatorId);
    }
  });

  it('records nothing twice for a retried request with the same idempotency key', async () => {
    const { dialogId } = await open();
    const context = as(operator('op-a'), { idempotencyKey: 'retry-me' });
    const intent: DialogChangeOf = { type: 'AddTag', tag: 'vip' };
    const noteId = randomUUID();
    const first = await change(dialogId, { type: 'AddNote', noteId, text: 'first' }, context);
    const again = await change(dialogId, { type: 'AddNote', noteId, text: 'first' }, context);
    expect(again).toMatchObject({ duplicate: true, revision: first.revision, position: first.position });
    await change(dialogId, intent, as(operator('op-a')));
    expect((await eventsOf(dialogId)).map((e) => e.type)).toEqual(['DialogOpened', 'NoteAdded', 'TagAdded']);
  });

  it('opens a follow-up dialog when the client writes to a closed one', async () => {
    const { dialogId } = await open();
    await clientSays(dialogId, 'thanks');
    await change(dialogId, { type: 'CloseDialog' }, as(supervisor));
    const result = await clientSays(dialogId, 'one more thing');
    expect(result.followUpOf).toBe(dialogId);
    expect(result.dialogId).not.toBe(dialogId);
    const followUp = await eventsOf(result.dialogId);
    expect(followUp.map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent']);
    expect(followUp[0].data).toMatchObject({ previousDialogId: dialogId, lineId: 'support', client: { id: 'client-1' } });
    expect((await eventsOf(dialogId)).map((e) => e.type)).toEqual(['DialogOpened', 'MessageSent', 'DialogClosed']);
  });

  it('refuses operator replies and assignment on a closed dialog with a conflict', async () => {
    const { dialogId } = await open();
    await change(dialogId, { type: 'CloseDialog' }, as(supervisor));
    await expect(operatorSays(dialogId, 'op-a', 'late')).rejects.toMatchObject({ code: 'dialog_closed', kind: 'conflict' });
    await expect(change(dialogId, { type: 'AssignOperator', operatorId: 'op-a' }, as(supervisor))).rejects.toMatchObject({
      code: 'dialog_closed',
    });
  });

  it('keeps a suspended operator assigned but refuses their replies', async () => {
    await registerOperator('op-suspended');
    const { dialogId } = await open();
    await change(dialogId, { type: 'AssignOperator', operatorId: 'op-suspended' }, as(supervisor));
    await side.bus.execute(operatorChange('op-suspended', { type: 'SuspendOperator' }, as(admin)));
    await expect(operatorSays(dialogId, 'op-suspended', 'hi')).rejects.toMatchObject({ kind: 'conflict' });
    const events = await eventsOf(dialogId);
    expect(events.filter((e) => e.type === 'OperatorUnassigned')).toHaveLength(0);
  });

  it('refuses an operator acting on a dialog assigned to someone else', async () => {
    const { dialogId } = await open();
    await change(dialogId, { type: 'AssignOperator', operatorId: 'op-a' }, as(supervisor));
    await expect(change(dialogId, { type: 'AddTag', tag: 'x' }, as(operator('op-b')))).rejects.toMatchObject({
      code: 'access_denied',
    });
  });

  it('refuses an occurredAt earlier than the dialog’s last event with 422', async () => {
    const { dialogId } = await open({}, as(channel, { occurredAt: new Date('2026-02-01T12:00:00Z') }));
    const error = await clientSays(dialogId, 'from the past', as(channel, { occurredAt: new Date('2026-02-01T11:00:00Z') })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'occurred_at_before_last_event', kind: 'unprocessable' });
  });

  it('fails an If-Match on a revision the dialog has left with a precondition error', async () => {
    const { dialogId, revision } = await open();
    await clientSays(dialogId, 'moved on');
    await expect(change(dialogId, { type: 'AddTag', tag: 'x' }, as(supervisor, { expectedRevision: revision }))).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('routes round robin on open, alternating over the line’s active operators', async () => {
    await createLine('sales', { type: 'CreateLine', name: 'Sales', routingMode: 'round_robin', operatorIds: ['op-a', 'op-b'] });
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { dialogId } = await open({ lineId: 'sales' });
      const assigned = (await eventsOf(dialogId)).find((e) => e.type === 'OperatorAssigned');
      expect(assigned?.data.reason).toBe('routing');
      expect(assigned?.metadata.actor).toEqual({ kind: 'system', id: 'routing' });
      assignees.push(String(assigned?.data.operatorId));
    }
    expect(assignees).toEqual(['op-a', 'op-b', 'op-a', 'op-b']);
  });

  it('routes least loaded on open, to the active operator with the fewest open dialogs', async () => {
    for (const id of ['op-x', 'op-y', 'op-z']) await registerOperator(id);
    await side.bus.execute(operatorChange('op-z', { type: 'SuspendOperator' }, as(admin)));
    const busy = [await open(), await open()];
    for (const { dialogId } of busy) await change(dialogId, { type: 'AssignOperator', operatorId: 'op-x' }, as(supervisor));
    const load = side.app.get(OperatorLoad);
    await waitFor(async () => (await load.openDialogs(['op-x'])).get('op-x') === 2);

    await createLine('billing', { type: 'CreateLine', name: 'Billing', routingMode: 'least_loaded', operatorIds: ['op-x', 'op-y', 'op-z'] });
    const { dialogId } = await open({ lineId: 'billing' });
    const assigned = (await eventsOf(dialogId)).find((e) => e.type === 'OperatorAssigned');
    expect(assigned?.data).toMatchObject({ operatorId: 'op-y', reason: 'routing' });
  });

  it('closes a dialog for good when the client does not rate it in time', async () => {
    const { dialogId } = await open();
    await clientSays(dialogId, 'bye');
    await change(dialogId, { type: 'CloseDialog', awaitingRating: true }, as(supervisor));
    const rated = await open();
    await change(rated.dialogId, { type: 'CloseDialog', awaitingRating: true }, as(supervisor));
    await change(rated.dialogId, { type: 'RateDialog', rating: 5 }, as(channel));
    const timeout = side.app.get(FinishClosingWhenRatingTimesOut);
    const dueLater = () => timeout.sweep(new Date(Date.now() + (timeout.timeoutMinutes + 1) * 60_000));
    const closing = async () =>
      (await side.app.get(DataSource).query(`SELECT closing_since FROM write_side.open_assignments WHERE dialog_id = $1`, [dialogId]))[0]?.closing_since;
    await waitFor(async () => (await closing()) != null);

    expect(await timeout.sweep()).toBe(0);
    await dueLater();
    const last = (await eventsOf(dialogId)).at(-1);
    expect(last).toMatchObject({ type: 'DialogClosed', data: { closedBy: null, awaitingRating: false } });
    expect(last?.metadata.actor).toEqual({ kind: 'system', id: 'rating-timeout' });
    expect((await eventsOf(rated.dialogId)).at(-1)?.type).toBe('ClientRatedDialog');
    await waitFor(async () => (await closing()) == null);
  });

  it('refuses to open a dialog in a line that does not exist', async () => {
    await expect(open({ lineId: 'nowhere' })).rejects.toMatchObject({ code: 'line_not_found', kind: 'unprocessable' });
  });

  it('answers bulk actions per dialog', async () => {
    const first = await open();
    const second = await open();
    await change(second.dialogId, { type: 'CloseDialog' }, as(supervisor));
    const missing = randomUUID();
    const { results } = await side.bus.execute<BulkChangeDialogsCommand, BulkResult>(
      new BulkChangeDialogsCommand(
        [first.dialogId, second.dialogId, missing].map((dialogId) => ({ type: 'CloseDialog' as const, data: { dialogId } })),
        as(supervisor),
      ),
    );
    expect(results.map((r) => [r.ok, r.error?.status])).toEqual([
      [true, undefined],
      [false, 409],
      [false, 404],
    ]);
  });

  it('unassigns every open dialog of a removed operator, each recording why', async () => {
    await registerOperator('op-leaving');
    const held = [await open(), await open()];
    for (const { dialogId } of held) await change(dialogId, { type: 'AssignOperator', operatorId: 'op-leaving' }, as(supervisor));
    const closed = await open();
    await change(closed.dialogId, { type: 'AssignOperator', operatorId: 'op-leaving' }, as(supervisor));
    await change(closed.dialogId, { type: 'CloseDialog' }, as(supervisor));

    const removal = await side.bus.execute(operatorChange('op-leaving', { type: 'RemoveOperator' }, as(admin)));
    for (const { dialogId } of held) {
      await waitFor(async () => (await eventsOf(dialogId)).some((e) => e.type === 'OperatorUnassigned'));
      const unassigned = (await eventsOf(dialogId)).filter((e) => e.type === 'OperatorUnassigned');
      expect(unassigned).toHaveLength(1);
      expect(unassigned[0].data).toMatchObject({ previousOperatorId: 'op-leaving', reason: 'operator_removed' });
      expect(unassigned[0].metadata.actor).toEqual({ kind: 'system', id: 'operator-removal' });
      const [removed] = await store.readStream('operator-op-leaving', { fromRevision: removal.revision });
      expect(unassigned[0].metadata.causationId).toBe(removed.id);
    }
    expect((await eventsOf(closed.dialogId)).some((e) => e.type === 'OperatorUnassigned')).toBe(false);
  });
});
