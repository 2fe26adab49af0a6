import { randomUUID } from 'node:crypto';
import { reminderDecider, reminderStreamName, type ReminderCommand } from '@switchboard/dialogs';
import { EVENT_STORE, EventStore, RecordedEvent } from '@switchboard/event-store';
import { ChangeReminderCommand, OpenDialogCommand, type RequestContext } from '@switchboard/dialog-commands';
import {
  admin,
  as,
  channel,
  dialogChange,
  lineChange,
  operator,
  startWriteSide,
  supervisor,
  waitFor,
  WriteSide,
} from '@switchboard/test-support/integration/write-side';
import { DataSource } from 'typeorm';
import { RecordDueReminders } from './reactions/record-due-reminders';
import { StreamCommandRunner } from './stream/stream-command-runner';

/** The projector's two reminder reactions: cancelling a closed or deleted dialog's reminders, and recording them due, once. */
describe('reminder reactions (PostgreSQL event store)', () => {
  let side: WriteSide;
  let store: EventStore;
  const alice = operator('op-alice');

  beforeAll(async () => {
    side = await startWriteSide();
    store = side.app.get(EVENT_STORE);
    await side.bus.execute(lineChange('support', { type: 'CreateLine', name: 'Support', routingMode: 'manual', operatorIds: [] }, as(admin)));
  });
  afterAll(() => side.close());

  const open = async (): Promise<string> =>
    (await side.bus.execute(new OpenDialogCommand({ direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1' } }, as(channel))))
      .dialogId;
  const setReminder = async (dialogId: string, dueAt: Date, context: RequestContext = as(supervisor)): Promise<string> => {
    const reminderId = randomUUID();
    await side.bus.execute(new ChangeReminderCommand({ type: 'SetReminder', data: { reminderId, dialogId, dueAt: dueAt.toISOString(), note: null } }, context));
    return reminderId;
  };
  const eventsOf = (reminderId: string): Promise<RecordedEvent[]> => store.readStream(reminderStreamName(reminderId));
  const lastOf = async (reminderId: string) => (await eventsOf(reminderId)).at(-1);
  const tracked = async (reminderId: string): Promise<{ fell_due: boolean } | undefined> =>
    (await side.app.get(DataSource).query(`SELECT fell_due FROM write_side.open_reminders WHERE reminder_id = $1`, [reminderId]))[0];
  const inAnHour = () => new Date(Date.now() + 3_600_000);

  it("cancels a closed dialog's open reminders, whoever set them, once, and leaves finished ones alone", async () => {
    const dialogId = await open();
    const mine = await setReminder(dialogId, inAnHour());
    const theirs = await setReminder(dialogId, inAnHour(), as(admin));
    const done = await setReminder(dialogId, inAnHour());
    await side.bus.execute(new ChangeReminderCommand({ type: 'CompleteReminder', data: { reminderId: done } }, as(supervisor)));
    // Every reminder tracked before the close: one the reaction first sees after it is cancelled for its own setting instead.
    await waitFor(async () => (await tracked(mine)) !== undefined && (await tracked(theirs)) !== undefined && (await tracked(done)) === undefined);

    await side.bus.execute(dialogChange(dialogId, { type: 'CloseDialog', awaitingRating: true }, as(supervisor)));
    const [closed] = (await store.readStream(`dialog-${dialogId}`)).filter((e) => e.type === 'DialogClosed');
    for (const reminderId of [mine, theirs]) {
      await waitFor(async () => (await lastOf(reminderId))?.type === 'ReminderCancelled');
      const cancelled = await lastOf(reminderId);
      expect(cancelled?.metadata).toMatchObject({ actor: { kind: 'system', id: 'dialog-closed' }, causationId: closed.id });
    }
    expect((await eventsOf(done)).map((e) => e.type)).toEqual(['ReminderSet', 'ReminderCompleted']);

    // The rating timeout closes it again: nothing is left to cancel, nothing is recorded twice.
    await side.bus.execute(dialogChange(dialogId, { type: 'FinishClosing' }, as({ kind: 'system', id: 'rating-timeout' })));
    await waitFor(async () => (await tracked(mine)) === undefined && (await tracked(theirs)) === undefined);
    expect((await eventsOf(mine)).map((e) => e.type)).toEqual(['ReminderSet', 'ReminderCancelled']);
  });

  it("cancels a deleted dialog's reminders, and one set while the dialog was being closed", async () => {
    const dialogId = await open();
    const before = await setReminder(dialogId, inAnHour());
    await side.bus.execute(dialogChange(dialogId, { type: 'DeleteDialog', reason: 'test' }, as(admin)));
    await waitFor(async () => (await lastOf(before))?.type === 'ReminderCancelled');

    // Set against the dialog as it stood before the close was appended: the two streams are written apart.
    const racing = await open();
    await side.bus.execute(dialogChange(racing, { type: 'ForceCloseAsSpam' }, as(supervisor)));
    const late = randomUUID();
    await side.app.get(StreamCommandRunner).run({
      streamId: reminderStreamName(late),
      decider: reminderDecider,
      context: as(alice),
      command: (): ReminderCommand => ({
        type: 'SetReminder',
        data: { reminderId: late, dialogId: racing, dueAt: inAnHour().toISOString(), note: null },
        metadata: { actor: alice, occurredAt: new Date() },
      }),
      facts: () => ({ dialog: 'open' as const }),
    });
    await waitFor(async () => (await lastOf(late))?.type === 'ReminderCancelled');
  });

  it('records a reminder due once, however many sweeps race for it, and not before its instant', async () => {
    const dialogId = await open();
    const dueAt = new Date(Date.now() + 60_000);
    const reminderId = await setReminder(dialogId, dueAt, as(alice));
    await waitFor(async () => (await tracked(reminderId)) !== undefined);

    const sweeps = [side.app.get(RecordDueReminders), new RecordDueReminders(side.app.get(DataSource), side.app.get(StreamCommandRunner))];
    await Promise.all(sweeps.map((sweep) => sweep.sweep(new Date(dueAt.getTime() - 1))));
    expect((await eventsOf(reminderId)).map((e) => e.type)).toEqual(['ReminderSet']);

    const noticed = new Date(dueAt.getTime() + 1_000);
    await Promise.all([...sweeps, ...sweeps].map((sweep) => sweep.sweep(noticed)));
    await waitFor(async () => (await tracked(reminderId))?.fell_due === true);
    // A sweep after a restart, before or after the projector caught up, finds nothing to record.
    await sweeps[1].sweep(new Date(noticed.getTime() + 5_000));
    const events = await eventsOf(reminderId);
    expect(events.map((e) => e.type)).toEqual(['ReminderSet', 'DialogReminderDue']);
    expect(events[1].data).toEqual({ reminderId, dialogId, operatorId: 'op-alice', dueAt: dueAt.toISOString(), occurredAt: noticed.toISOString() });
    expect(events[1].metadata.actor).toEqual({ kind: 'system', id: 'reminder-clock' });
    expect(await sweeps[0].sweep(new Date(noticed.getTime() + 10_000))).toBe(0);
  });
});
