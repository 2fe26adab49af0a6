import { dialogEventUpcasters } from './dialog.upcasters';

const [reopenedV1] = dialogEventUpcasters;
const data = { dialogId: '6f1c3e2a-0d2c-4d53-9b7e-2f4c1a7d9e10', occurredAt: '2024-03-01T09:00:00.000Z' };

describe('DialogReopened version 1 to 2', () => {
  it('names the person who reopened it from the stored actor', () => {
    expect(reopenedV1.upcast(data, { actor: { kind: 'supervisor', id: 'sup-1' } })).toEqual({ ...data, reopenedBy: 'sup-1' });
  });

  it('records null for the system, as the decision does', () => {
    expect(reopenedV1.upcast(data, { actor: { kind: 'system', id: 'automation' } })).toEqual({ ...data, reopenedBy: null });
  });

  it('records null when the stored metadata names no actor it can read', () => {
    expect(reopenedV1.upcast(data, {})).toEqual({ ...data, reopenedBy: null });
    expect(reopenedV1.upcast(data, { actor: { kind: 'robot', id: 'x' } })).toEqual({ ...data, reopenedBy: null });
  });
});
