import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { manifestPathOf } from './export-manifest';
import { type ExportFixture, startExportFixture } from '@switchboard/projector/testing';

const ROOT = resolve(__dirname, '../../../../..');

describe('npm run export -- ... --resume', () => {
  let t: ExportFixture;

  beforeAll(async () => {
    t = await startExportFixture(80);
  });
  afterAll(() => t.close());

  /** The uninterrupted file cut at `bytes`, with its manifest: what a crash there leaves. */
  const cutCopy = (whole: string, bytes: number, name: string) => {
    copyFileSync(t.path(whole), t.path(name));
    copyFileSync(manifestPathOf(t.path(whole)), manifestPathOf(t.path(name)));
    truncateSync(t.path(name), bytes);
  };

  /** Cut points: nothing, mid-line, exactly at a record's end, one byte short of the end, whole. */
  const cutsOf = (text: Buffer, recordEnd: number) => [0, 3, Math.floor(text.length / 3), recordEnd, text.length - 1, text.length];

  for (const [what, file, extra] of [
    ['events', 'events.ndjson', ['--category', 'dialog']],
    ['dialogs', 'dialogs.csv', ['--since', '2025-02-01']],
    ['response-intervals', 'intervals.csv', []],
    ['assignment-audit', 'audit.csv', []],
  ] as const) {
    it(`${what}: continues a cut file after its last complete record, giving the same bytes as one run`, async () => {
      const argv = [what, ...extra, '--batch-size', '17'];
      await t.export([...argv, '--out', file]);
      const whole = readFileSync(t.path(file));
      expect(whole.length).toBeGreaterThan(10_000);
      const recordEnd = whole.indexOf('\n', Math.floor(whole.length / 2)) + 1;
      for (const [i, bytes] of cutsOf(whole, recordEnd).entries()) {
        const name = `${i}-${file}`;
        cutCopy(file, bytes, name);
        await t.export([...argv, '--out', name, '--resume']);
        expect(readFileSync(t.path(name)).equals(whole)).toBe(true);
      }
    });
  }

  it('CSV: a quoted line break in the last record is not mistaken for its end', async () => {
    // A client's comment with CRLF inside, in the last dialog: the cut falls right after it.
    const { rows } = await t.pool.query<{ number: string }>(`SELECT max(number)::text AS number FROM read_models.dialog_list`);
    await t.pool.query(`UPDATE read_models.dialog_list SET client_comment = $1 WHERE number = $2`, ['line one\r\nline "two"', rows[0].number]);
    await t.export(['dialogs', '--out', 'quoted.csv']);
    const whole = readFileSync(t.path('quoted.csv'));
    cutCopy('quoted.csv', whole.indexOf('line one\r\n') + 'line one\r\n'.length, 'quoted-cut.csv');
    await t.export(['dialogs', '--out', 'quoted-cut.csv', '--resume']);
    expect(readFileSync(t.path('quoted-cut.csv')).equals(whole)).toBe(true);
  });

  it('starts afresh when the file is not there yet, and refuses other filters or a file without its manifest', async () => {
    await t.export(['assignment-audit', '--out', 'new.csv', '--resume']);
    expect(t.read('new.csv')).toBe(t.read('audit.csv'));
    await expect(t.export(['assignment-audit', '--since', '2025-05-01', '--out', 'new.csv', '--resume'])).rejects.toThrow('with other filters');
    await expect(t.export(['dialogs', '--out', 'new.csv', '--resume'])).rejects.toThrow('with other filters');
    unlinkSync(manifestPathOf(t.path('new.csv')));
    await expect(t.export(['assignment-audit', '--out', 'new.csv', '--resume'])).rejects.toThrow('export.json is missing');
  });

  it('refuses to resume a file whose last line is not an event', async () => {
    await t.export(['events', '--out', 'bad.ndjson', '--to-position', '1']);
    writeFileSync(t.path('bad.ndjson'), 'not json\n');
    await expect(t.export(['events', '--out', 'bad.ndjson', '--to-position', '1', '--resume'])).rejects.toThrow('not an exported event');
  });

  it('a process killed mid-export leaves a prefix that --resume completes exactly', async () => {
    await t.export(['events', '--out', 'uninterrupted.ndjson']);
    const whole = readFileSync(t.path('uninterrupted.ndjson'));
    const out = t.path('killed.ndjson');
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/projector/src/cli/export/export.cli.ts',
        'events',
        '--out',
        out,
        '--batch-size',
        '1',
      ],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url }, stdio: 'ignore' },
    );
    const exited = new Promise((done) => child.on('exit', done));
    const size = () => {
      try {
        return statSync(out).size;
      } catch {
        return 0;
      }
    };
    const deadline = Date.now() + 30_000;
    while (size() < whole.length / 4 && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const left = size();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(whole.length);
    expect(readFileSync(out).equals(whole.subarray(0, left))).toBe(true);
    await t.export(['events', '--out', 'killed.ndjson', '--resume']);
    expect(readFileSync(out).equals(whole)).toBe(true);
  });
});
