import type { RecordedEvent } from '@switchboard/event-store';
import { dialogReadModelFilter, factOf } from './recorded-fact';

const recorded = (type: string, data: RecordedEvent['data'], metadata: RecordedEvent['metadata'] = {}): RecordedEvent => ({
  id: '6b1f0a8e-4d1c-4a53-9d8e-2f1a3b4c5d6e',
  type,
  streamId: `dialog-${String(data.dialogId)}`,
  revision: 3n,
  position: 42n << 20n,
  data,
  metadata,
  recordedAt: new Date('2024-03-01T09:10:00Z'),
});

describe('facts the dialog read models read from the log', () => {
  it('reads a dialog event with who did it and the request behind it', () => {
    const fact = factOf(
      recorded(
        'OperatorAssigned',
        { dialogId: 'd-1', operatorId: 'op-2', previousOperatorId: 'op-1', reason: 'manual', occurredAt: '2024-03-01T09:05:00.000Z' },
        { actor: { kind: 'supervisor', id: 'sup-1' }, correlationId: 'req-1', causationId: 'req-1', occurredAt: '2024-03-01T09:05:00.000Z' },
      ),
    );
    expect(fact).toMatchObject({
      kind: 'dialog',
      dialogId: 'd-1',
      eventId: '6b1f0a8e-4d1c-4a53-9d8e-2f1a3b4c5d6e',
      position: 42n << 20n,
      actor: { kind: 'supervisor', id: 'sup-1' },
      correlationId: 'req-1',
      causationId: 'req-1',
      event: { type: 'OperatorAssigned', data: { operatorId: 'op-2' } },
    });
  });

  it('keeps a fact whose metadata lacks an actor, with no actor rather than a made-up one', () => {
    const fact = factOf(recorded('TagAdded', { dialogId: 'd-1', tag: 'vip', occurredAt: '2024-03-01T09:05:00.000Z' }, { actor: 'nobody' }));
    expect(fact).toMatchObject({ kind: 'dialog', actor: null, correlationId: null, causationId: null });
  });

  it('reads a line deletion', () => {
    const fact = factOf(recorded('LineDeleted', { lineId: 'sales', occurredAt: '2024-03-01T10:00:00.000Z' }));
    expect(fact).toEqual({
      kind: 'line-deleted',
      lineId: 'sales',
      eventId: '6b1f0a8e-4d1c-4a53-9d8e-2f1a3b4c5d6e',
      position: 42n << 20n,
      occurredAt: '2024-03-01T10:00:00.000Z',
    });
  });

  it('reads a line schedule set or cleared, with the event the business-hours timeline folds', () => {
    const cleared = { lineId: 'sales', occurredAt: '2024-03-01T10:00:00.000Z' };
    expect(factOf(recorded('LineScheduleCleared', cleared))).toEqual({
      kind: 'line-schedule',
      lineId: 'sales',
      event: { type: 'LineScheduleCleared', data: cleared },
      eventId: '6b1f0a8e-4d1c-4a53-9d8e-2f1a3b4c5d6e',
      position: 42n << 20n,
    });
    expect(factOf(recorded('LineScheduleSet', { timeZone: 'Europe/Berlin', occurredAt: '2024-03-01T10:00:00.000Z' }))).toBeNull();
  });

  it('passes over events no dialog read model uses, and dialog events without a dialog id', () => {
    expect(factOf(recorded('LineCreated', { lineId: 'sales', occurredAt: '2024-03-01T10:00:00.000Z' }))).toBeNull();
    expect(factOf(recorded('OperatorRemoved', { operatorId: 'op-1', occurredAt: '2024-03-01T10:00:00.000Z' }))).toBeNull();
    expect(factOf(recorded('SomethingNew', { dialogId: 'd-1' }))).toBeNull();
    expect(factOf(recorded('TagAdded', { tag: 'vip' }))).toBeNull();
  });

  it('asks the log for the chosen dialog events and line deletions only', () => {
    expect(dialogReadModelFilter(['MessageSent', 'NoteAdded'])).toEqual({
      categories: ['dialog', 'line'],
      eventTypes: ['MessageSent', 'NoteAdded', 'LineDeleted'],
    });
    expect(dialogReadModelFilter(['MessageSent'], { schedules: true }).eventTypes).toEqual([
      'MessageSent',
      'LineDeleted',
      'LineScheduleSet',
      'LineScheduleCleared',
    ]);
  });
});
