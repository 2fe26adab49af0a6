import { open, seal, newSubjectKey } from './field-cipher';
import { replacePersonalStrings, withValuesAt } from './personal-fields';

describe('personal fields', () => {
  const data = { text: 'Hi', client: { id: 'c-1', name: 'Kim' }, files: [{ url: 'https://a' }, { url: null }], note: null };

  it('replaces the strings at each path, array elements included, and names their places', () => {
    const seen: Record<string, string> = {};
    const out = replacePersonalStrings(data, ['client.name', 'files[].url', 'note', 'missing.path'], (place, value) => {
      seen[place] = value;
      return 'X';
    });
    expect(seen).toEqual({ 'client.name': 'Kim', 'files.0.url': 'https://a' });
    expect(out).toEqual({ ...data, client: { id: 'c-1', name: 'X' }, files: [{ url: 'X' }, { url: null }] });
    expect(data.client.name).toBe('Kim');
  });

  it('hands the data back as it was when no path holds text', () => {
    expect(replacePersonalStrings(data, ['note'], () => 'X')).toBe(data);
  });

  it('puts values back at their places', () => {
    expect(withValuesAt({ client: { name: 'S' }, files: [{ url: 'S' }] }, { 'client.name': 'Kim', 'files.0.url': 'u' })).toEqual({
      client: { name: 'Kim' },
      files: [{ url: 'u' }],
    });
  });
});

describe('field cipher', () => {
  it('opens what it sealed, only with the same key and for the same event', () => {
    const key = newSubjectKey();
    const sealed = seal(key, 'Kim', 'event-1');
    expect(sealed).not.toContain('Kim');
    expect(open(key, sealed, 'event-1')).toBe('Kim');
    expect(open(key, sealed, 'event-2')).toBeUndefined();
    expect(open(newSubjectKey(), sealed, 'event-1')).toBeUndefined();
    expect(open(key, 'short', 'event-1')).toBeUndefined();
  });
});
