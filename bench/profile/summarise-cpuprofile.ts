import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { summariseProfile, type CpuProfile } from './cpuprofile-summary';
import { formatProfile } from './format-profile';

/**
 * `npm run bench:profile -- FILE.cpuprofile... [--top N]`: self time by package and by
 * function of V8 CPU profiles (from `node --cpu-prof`, or bench:load with BENCH_PROFILE).
 */
function main(args: string[]): void {
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 15;
  const files = args.filter((_, i) => topAt < 0 || (i !== topAt && i !== topAt + 1));
  if (files.length === 0) {
    console.error('usage: npm run bench:profile -- FILE.cpuprofile... [--top N]');
    process.exit(2);
  }
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    console.log(`${formatProfile(basename(file), summariseProfile(profile), top)}\n`);
  }
}

main(process.argv.slice(2));
