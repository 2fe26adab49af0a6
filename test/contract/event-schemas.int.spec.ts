import { Client } from 'pg';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventCatalogue, eventEnvelopeSchema, eventMetadataSchema, eventTypes, type EventType } from '@switchboard/dialogs';
import { eventStoreMigrations, PostgresEventStore, type RecordedEvent } from '@switchboard/event-store';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { SupportScript, writeRandomWorkload, writeSupportScenario } from '@switchboard/read-models/testing';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const metadataValid = ajv.compile(eventMetadataSchema);
const envelopeValid = ajv.compile(eventEnvelopeSchema);
const dataValid = new Map<string, ValidateFunction>(
  eventCatalogue.flatMap((entry) => entry.versions.map((v) => [`${entry.type}@${v.version}`, ajv.compile(v.schema)] as const)),
);

/** The event as the log hands it out: bigints as decimal strings, the time as ISO 8601. */
const envelopeOf = (event: RecordedEvent) => ({
  ...event,
  revision: event.revision.toString(),
  position: event.position.toString(),
  recordedAt: event.recordedAt.toISOString(),
});

/** Every failure of one event against the catalogue, with ajv's reasons: empty when it conforms. */
function problemsOf(event: RecordedEvent): string[] {
  const entry = eventCatalogue.find((e) => e.type === event.type);
  if (!entry) return [`${event.type}: not in the catalogue`];
  const problems: string[] = [];
  const check = (what: string, validate: ValidateFunction, value: unknown) => {
    if (!validate(value)) problems.push(`${event.type} ${what}: ${ajv.errorsText(validate.errors)}`);
  };
  check('envelope', envelopeValid, envelopeOf(event));
  check('metadata', metadataValid, event.metadata);
  if (event.metadata.schemaVersion !== entry.currentVersion) problems.push(`${event.type}: written at version ${String(event.metadata.schemaVersion)}`);
  check('data', dataValid.get(`${event.type}@${entry.currentVersion}`)!, event.data);
  return problems;
}

const minute = (m: number) => ({ actor: { kind: 'admin', id: 'admin-1' } as const, minute: m });

/**
 * Everything the domain can record, written through the real deciders into a real store, checked
 * against the published schemas: the random workload (thousands of dialog commands), the
 * support scenario the read-model tests use, and a table of the operator, line, saved-reply and reminder commands.
 */
describe('every event the domain records conforms to the catalogue', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let events: RecordedEvent[];

  beforeAll(async () => {
    db = await createTestDatabase([...eventStoreMigrations]);
    store = new PostgresEventStore({ connectionString: db.url });
    const script = new SupportScript(store);
    await writeSupportScenario(script);
    await writeRandomWorkload(script, { seed: 7, steps: 1500 });
    await script.operator(
      { type: 'RegisterOperator', data: { operatorId: 'op-x', name: 'Xena', email: 'x@example.com', lineIds: ['north', 'north'] } },
      minute(1),
    );
    await script.operator({ type: 'RegisterOperator', data: { operatorId: 'op-y', name: 'Yuri', lineIds: [] } }, minute(1));
    await script.operator({ type: 'SuspendOperator', data: { operatorId: 'op-x' } }, minute(2));
    await script.operator({ type: 'ReactivateOperator', data: { operatorId: 'op-x' } }, minute(3));
    await script.operator({ type: 'RemoveOperator', data: { operatorId: 'op-y' } }, minute(4));
    await script.line({ type: 'CreateLine', data: { lineId: 'robin', name: 'Robin', routingMode: 'round_robin', operatorIds: ['op-x'] } }, minute(1));
    await script.line(
      {
        type: 'RouteDialog',
        data: { lineId: 'robin', dialogId: '9b2f6c1e-4a7d-4e3b-8c5a-1d2e3f4a5b6c', candidates: [{ operatorId: 'op-x', status: 'active', openDialogCount: 0 }] },
      },
      minute(2),
    );
    await script.line(
      {
        type: 'SetLineSchedule',
        data: {
          lineId: 'robin',
          timeZone: 'Europe/Berlin',
          weekly: {
            mon: [
              { from: '09:00', to: '12:00' },
              { from: '13:00', to: '24:00' },
            ],
          },
          holidays: ['2024-12-25', '2024-01-01'],
        },
      },
      minute(3),
    );
    await script.line({ type: 'ClearLineSchedule', data: { lineId: 'robin' } }, minute(4));
    await script.line({ type: 'DeleteLine', data: { lineId: 'robin' } }, minute(5));
    const savedReplyId = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    await script.savedReply(
      { type: 'CreateSavedReply', data: { savedReplyId, scope: 'team', title: 'Hi', text: 'Hello {clientName}', lineId: null } },
      minute(1),
    );
    await script.savedReply({ type: 'EditSavedReply', data: { savedReplyId, title: 'Hi', text: 'Hi {clientName}', lineId: 'north' } }, minute(2));
    await script.savedReply({ type: 'DeleteSavedReply', data: { savedReplyId } }, minute(3));
    await script.savedReply(
      { type: 'CreateSavedReply', data: { savedReplyId: '4d2e3f5a-6b7c-4d8e-9fa0-1b2c3d4e5f6a', scope: 'personal', title: 'Mine', text: 'Bye', lineId: null } },
      { actor: { kind: 'operator', id: 'op-x' }, minute: 4 },
    );
    const reminderIds = ['5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', '6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c', '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'];
    const reminderOn = '9b2f6c1e-4a7d-4e3b-8c5a-1d2e3f4a5b6c';
    for (const [index, reminderId] of reminderIds.entries()) {
      const note = index === 0 ? 'call back' : null;
      await script.reminder({ type: 'SetReminder', data: { reminderId, dialogId: reminderOn, dueAt: '2024-03-02T09:00:00+01:00', note } }, minute(1));
    }
    await script.reminder({ type: 'CompleteReminder', data: { reminderId: reminderIds[0] } }, minute(2));
    await script.reminder({ type: 'CancelReminder', data: { reminderId: reminderIds[1] } }, minute(2));
    const clock = (m: number) => ({ actor: { kind: 'system', id: 'reminder-clock' } as const, minute: m });
    await script.reminder({ type: 'RecordReminderDue', data: { reminderId: reminderIds[2] } }, clock(24 * 60));
    await script.reminder({ type: 'CancelReminderOfClosedDialog', data: { reminderId: reminderIds[2] } }, clock(24 * 60 + 1));
    await script.clientErased({ clientId: 'client-ann-lee', reason: 'Asked to be forgotten' }, { erasures: 1, dialogIds: [reminderOn] }, minute(30));
    // readAll shows events below the read horizon, which a transaction open anywhere on the
    // shared test server holds back for a moment: read until it shows every committed event.
    const counter = new Client({ connectionString: db.url });
    await counter.connect();
    const { rows } = await counter.query<{ n: string }>('SELECT count(*) AS n FROM event_store.events');
    await counter.end();
    do {
      events = [];
      for (
        let page = await store.readAll({ maxCount: 1000 });
        page.length > 0;
        page = await store.readAll({ after: page[page.length - 1].position, maxCount: 1000 })
      ) {
        events.push(...page);
      }
    } while (events.length < Number(rows[0].n));
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('conforms, event by event: envelope, metadata and data at the current version', () => {
    expect(events.length).toBeGreaterThan(1000);
    expect(events.flatMap(problemsOf)).toEqual([]);
  });

  it('has seen every event type of the catalogue', () => {
    const seen = new Set(events.map((event) => event.type));
    expect(eventTypes.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('refuses events that break the contract', () => {
    const reopened = events.find((event) => event.type === 'DialogReopened')!;
    const assigned = events.find((event) => event.type === 'OperatorAssigned')!;
    const cases: [string, RecordedEvent][] = [
      ['a missing field', { ...reopened, data: { dialogId: reopened.data.dialogId, occurredAt: reopened.data.occurredAt } }],
      ['an unknown reason', { ...assigned, data: { ...assigned.data, reason: 'telepathy' } }],
      ['a field the type does not have', { ...assigned, data: { ...assigned.data, mood: 'happy' } }],
      ['a time that is no instant', { ...assigned, data: { ...assigned.data, occurredAt: 'yesterday' } }],
      ['a dialog id that is no UUID', { ...assigned, data: { ...assigned.data, dialogId: 'dialog-7' } }],
      ['an old version', { ...reopened, metadata: { ...reopened.metadata, schemaVersion: 1 } }],
      ['an unknown actor kind', { ...assigned, metadata: { ...assigned.metadata, actor: { kind: 'robot', id: 'r2' } } }],
      ['a stream outside the categories', { ...assigned, streamId: 'ticket-1' }],
    ];
    for (const [what, event] of cases) expect({ what, failures: problemsOf(event).length > 0 }).toEqual({ what, failures: true });
  });

  it('keeps version 1 of DialogReopened valid for what version-1 writers stored', () => {
    const reopened = events.find((event) => event.type === 'DialogReopened')!;
    const { reopenedBy: _dropped, ...v1 } = reopened.data;
    const type: EventType = 'DialogReopened';
    expect(dataValid.get(`${type}@1`)!(v1)).toBe(true);
    expect(dataValid.get(`${type}@1`)!(reopened.data)).toBe(false);
  });
});
