import { packageOf, summariseProfile, type CpuProfile } from './cpuprofile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// root -> handler (apps/api) -> sign (jsonwebtoken) -> createPublicKey (node) -> init (native); and idle.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6] },
    { id: 2, callFrame: frame('handle', 'file:///repo/apps/api/src/x.controller.ts', 9), children: [3] },
    { id: 3, callFrame: frame('verify', 'file:///repo/node_modules/jsonwebtoken/verify.js'), children: [4] },
    { id: 4, callFrame: frame('createPublicKey', 'node:internal/crypto/keys'), children: [5] },
    { id: 5, callFrame: frame('init') },
    { id: 6, callFrame: frame('(idle)') },
  ],
  startTime: 0,
  endTime: 10_000,
  // Each sample lasts until the next one; the last until endTime.
  samples: [2, 5, 5, 6, 3],
  timeDeltas: [0, 1_000, 2_000, 3_000, 1_000],
};

describe('summariseProfile', () => {
  const summary = summariseProfile(profile);
  const ms = (list: { name: string; ms: number }[], name: string) => list.find((t) => t.name === name)?.ms;

  it('gives each sample the time until the next one, and the last one the time until the end', () => {
    expect(summary.totalMs).toBe(10);
    expect(summary.idleMs).toBe(1);
    expect(ms(summary.byPackage, 'apps/api')).toBe(1);
  });

  it('charges native code to the nearest caller outside Node, naming the immediate caller', () => {
    expect(ms(summary.byPackage, 'jsonwebtoken')).toBe(5 + 3);
    expect(ms(summary.byFunction, 'init (native) <- createPublicKey node:internal/crypto/keys:1 [jsonwebtoken]')).toBe(5);
    expect(ms(summary.byFunction, 'verify jsonwebtoken/verify.js:1')).toBe(3);
  });

  it('sorts by self time, most first', () => {
    expect(summary.byPackage.map((t) => t.ms)).toEqual([...summary.byPackage.map((t) => t.ms)].sort((a, b) => b - a));
  });
});

describe('packageOf', () => {
  it.each([
    ['file:///w/node_modules/pg/lib/client.js', 'pg'],
    ['file:///w/node_modules/@nestjs/core/router/x.js', '@nestjs/core'],
    ['file:///w/node_modules/a/node_modules/b/index.js', 'b'],
    ['node:internal/streams/writable', 'node core'],
    ['file:///w/libs/event-store/src/postgres/x.ts', 'libs/event-store'],
  ])('%s belongs to %s', (url, owner) => expect(packageOf(url)).toBe(owner));

  it('keeps V8 pseudo-frames by name', () => expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)'));
});
