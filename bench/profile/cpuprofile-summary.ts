/** The parts of a V8 `.cpuprofile` (Chrome DevTools format) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
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
 * one's until the profile's end); it goes to the function on top of the stack.
 */
export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let at = profile.startTime;
  let idleMs = 0;
  const stamps = profile.timeDeltas.map((delta) => (at += delta));
  profile.samples.forEach((nodeId, i) => {
    const ms = ((stamps[i + 1] ?? profile.endTime) - stamps[i]) / 1000;
    const frame = frames.get(nodeId);
    if (!frame || ms <= 0) return;
    const owner = packageOf(frame.url, frame.functionName);
    if (owner === IDLE) idleMs += ms;
    add(byPackage, owner, ms);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`, ms);
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
