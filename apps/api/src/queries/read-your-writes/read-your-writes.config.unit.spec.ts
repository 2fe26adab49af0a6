import { readYourWritesConfigFrom } from './read-your-writes.config';

describe('read-your-writes configuration', () => {
  it('waits 2 seconds unless told otherwise', () => {
    expect(readYourWritesConfigFrom({}).timeoutMs).toBe(2000);
    expect(readYourWritesConfigFrom({ READ_YOUR_WRITES_TIMEOUT_MS: '250' }).timeoutMs).toBe(250);
    expect(readYourWritesConfigFrom({ READ_YOUR_WRITES_TIMEOUT_MS: '0' }).timeoutMs).toBe(0);
  });

  it('stops the start on a wrong value, naming the variable', () => {
    for (const wrong of ['-1', '2s', '1.5', '60001', ' 100']) {
      expect(() => readYourWritesConfigFrom({ READ_YOUR_WRITES_TIMEOUT_MS: wrong })).toThrow(/READ_YOUR_WRITES_TIMEOUT_MS/);
    }
  });
});
