import { decodeAssignmentAuditCursor, encodeAssignmentAuditCursor } from './assignment-audit-cursor';

describe('assignment audit cursor', () => {
  it('round-trips', () => {
    const cursor = { order: 'asc', occurredAt: '2024-03-01 09:10:00.5+00', position: '9007199254740993' } as const;
    expect(decodeAssignmentAuditCursor(encodeAssignmentAuditCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything else', () => {
    const raw = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'x y',
      raw({ o: 'asc', at: '2024-13-01 09:10:00+00', p: '1' }),
      raw({ o: 'asc', at: '2024-03-01 09:10:00+00', p: '-1' }),
      raw({ o: 'asc', at: '2024-03-01 09:10:00+00', p: '99999999999999999999' }),
      raw({ o: 'up', at: '2024-03-01 09:10:00+00', p: '1' }),
    ]) {
      expect(decodeAssignmentAuditCursor(bad)).toBeUndefined();
    }
  });
});
