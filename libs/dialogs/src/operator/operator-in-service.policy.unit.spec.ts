import { assertOperatorInService } from './operator-in-service.policy';

describe('assertOperatorInService', () => {
  const op = { kind: 'operator' as const, id: 'op-1' };

  it.each(['active', 'suspended'] as const)('lets a %s operator act', (status) => {
    expect(() => assertOperatorInService(op, status)).not.toThrow();
  });

  it('refuses a removed operator and an id no operator was registered as', () => {
    expect(() => assertOperatorInService(op, 'removed')).toThrow(expect.objectContaining({ code: 'operator_removed', kind: 'forbidden' }));
    expect(() => assertOperatorInService(op, 'unknown')).toThrow(expect.objectContaining({ code: 'operator_not_registered', kind: 'forbidden' }));
  });

  it('does not ask supervisors, admins or services to be registered', () => {
    for (const kind of ['supervisor', 'admin', 'service'] as const) {
      expect(() => assertOperatorInService({ kind, id: 'x' }, 'unknown')).not.toThrow();
    }
  });
});
