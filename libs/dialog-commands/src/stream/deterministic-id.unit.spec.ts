import { deterministicId } from './deterministic-id';

describe('deterministicId', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(deterministicId('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable for a name and differs between names', () => {
    expect(deterministicId('key-1')).toBe(deterministicId('key-1'));
    expect(deterministicId('key-1')).not.toBe(deterministicId('key-2'));
    expect(deterministicId('key-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
