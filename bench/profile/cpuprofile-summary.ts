/** The parts of a V8 `.cpuprofile` (Chrome DevTools format) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

export interface SelfTime {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled wall time, in ms. */
  totalMs: number;
  /** Of it, the process waiting for work: what remains is the CPU it used. */
  idleMs: number;
  byFunction: SelfTime[];
  byPackage: SelfTime[];
}

const IDLE = '(idle)';

/**
 * Self time by function and by package. A sample's time runs until the next sample (the last
 * one's until the profile's end); it goes to the function on top of the stack. Native code
 * (hashing, socket writes, JSON) has no script of its own: it is charged to the package of the
 * nearest JavaScript caller, and named with it.
 */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // The nearest JavaScript caller, and the nearest outside Node's own modules (who asked for it).
  const callersOf = (id: number): { caller?: CallFrame; owner?: CallFrame } => {
    let caller: CallFrame | undefined;
    for (let up = parents.get(id); up !== undefined; up = parents.get(up)) {
      const frame = nodes.get(up)?.callFrame;
      if (!frame?.url) continue;
      caller ??= frame;
      if (!frame.url.startsWith('node:')) return { caller, owner: frame };
    }
    return { caller, owner: caller };
  };
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let at = profile.startTime;
  let idleMs = 0;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  profile.samples.forEach((nodeId, i) => {
    const ms = ((stamps[i + 1] ?? profile.endTime) - stamps[i]) / 1000;
    const frame = nodes.get(nodeId)?.callFrame;
    if (!frame || ms <= 0) return;
    const native = !frame.url && !frame.functionName.startsWith('(') ? callersOf(nodeId) : undefined;
    const owner = packageOf(native?.owner?.url ?? frame.url, frame.functionName);
    if (owner === IDLE) idleMs += ms;
    add(byPackage, owner, ms);
    const name = native?.caller ? `${frame.functionName} (native) <- ${where(native.caller)} [${owner}]` : frame.url ? where(frame) : frame.functionName;
    add(byFunction, name, ms);
  });
  return { totalMs: (profile.endTime - profile.startTime) / 1000, idleMs, byFunction: sorted(byFunction), byPackage: sorted(byPackage) };
}

/**
 * Who owns the code: an npm package, a folder of this repository (`apps/api`, `libs/dialogs`),
 * Node's own modules, or V8's pseudo-frames (garbage collector, program, idle).
 */
export function packageOf(url: string, functionName = ''): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node core';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const repo = /\/(apps|libs|bench|test|scripts)\/([^/]+)\//.exec(path);
  return repo ? `${repo[1]}/${repo[2]}` : path;
}

function where(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) return path.slice(inModules + '/node_modules/'.length);
  const repo = /\/((apps|libs|bench|test|scripts)\/.*)$/.exec(path);
  return repo ? repo[1] : path;
}

function add(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}

function sorted(totals: Map<string, number>): SelfTime[] {
  return [...totals.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
