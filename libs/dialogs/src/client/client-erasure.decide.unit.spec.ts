import { decideErasure, validateErasure, type EraseClientData } from './client-erasure.decide';

const command: EraseClientData = {
  clientId: 'c-1',
  reason: 'Asked to be forgotten',
  actor: { kind: 'admin', id: 'admin-1' },
  occurredAt: new Date('2026-12-04T10:00:00Z'),
};

describe('erasing a client', () => {
  it('records who, why, when and the dialogs, sorted and once each, when an erasure is not recorded yet', () => {
    expect(decideErasure(command, { erasures: 1, dialogIds: ['d-2', 'd-1', 'd-2'] }, 0)).toEqual([
      {
        type: 'ClientDataErased',
        data: { clientId: 'c-1', erasedBy: 'admin-1', reason: 'Asked to be forgotten', dialogIds: ['d-1', 'd-2'], occurredAt: '2026-12-04T10:00:00.000Z' },
      },
    ]);
  });

  it('records nothing when the stream holds every erasure already, and again once a new key was destroyed', () => {
    expect(decideErasure(command, { erasures: 1, dialogIds: [] }, 1)).toEqual([]);
    expect(decideErasure(command, { erasures: 2, dialogIds: [] }, 1)).toHaveLength(1);
  });

  it('refuses a blank or overlong reason, naming the field', () => {
    expect(() => validateErasure({ ...command, reason: '  ' })).toThrow(
      expect.objectContaining({ code: 'required_field_missing', details: { field: 'reason' } }),
    );
    expect(() => validateErasure({ ...command, reason: 'r'.repeat(1001) })).toThrow(
      expect.objectContaining({ code: 'erasure_reason_too_long', details: { field: 'reason', max: 1000 } }),
    );
  });
});
