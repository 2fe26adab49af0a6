import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastCompleteCsvRecord, lastCompleteLine } from './written-records';

describe('the tail an interrupted export left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'written-records-'));
  let n = 0;
  const file = (content: string | Buffer) => {
    const path = join(dir, `f${n++}`);
    writeFileSync(path, content);
    return path;
  };

  it('NDJSON: ends after the last line feed and answers that line', async () => {
    expect(await lastCompleteLine(file(''))).toEqual({ completeBytes: 0 });
    expect(await lastCompleteLine(file('{"a":1'))).toEqual({ completeBytes: 0 });
    expect(await lastCompleteLine(file('{"a":1}\n'))).toEqual({ completeBytes: 8, last: '{"a":1}' });
    expect(await lastCompleteLine(file('{"a":1}\n{"b":2}\n{"c":'))).toEqual({ completeBytes: 16, last: '{"b":2}' });
    expect(await lastCompleteLine(file('\n'))).toEqual({ completeBytes: 1, last: '' });
  });

  it('NDJSON: finds lines longer than one read, across read boundaries', async () => {
    const long = `{"t":"${'é'.repeat(70_000)}"}`;
    for (const content of [`${long}\n${long}\n${long.slice(0, 100_001)}`, `x\n${long}\n`]) {
      const tail = await lastCompleteLine(file(content));
      expect(tail.last).toBe(long);
      expect(tail.completeBytes).toBe(Buffer.byteLength(content.slice(0, content.lastIndexOf('\n') + 1)));
    }
  });

  it('CSV: a line feed inside quotes does not end a record', async () => {
    expect(await lastCompleteCsvRecord(file(''))).toEqual({ completeBytes: 0 });
    expect(await lastCompleteCsvRecord(file('a,b'))).toEqual({ completeBytes: 0 });
    expect(await lastCompleteCsvRecord(file('a,b\r\n'))).toEqual({ completeBytes: 5, header: 'a,b\r\n', last: undefined });
    const two = 'a,b\r\n1,"x\r\ny"\r\n2,"p,""q""\n"\r\n';
    expect(await lastCompleteCsvRecord(file(`${two}3,"open\r\n`))).toEqual({
      completeBytes: Buffer.byteLength(two),
      header: 'a,b\r\n',
      last: '2,"p,""q""\n"\r\n',
    });
  });

  it('CSV: scans files larger than one read', async () => {
    const record = `1,"${'ü'.repeat(50_000)}\r\n"\r\n`;
    const content = `a,b\r\n${record.repeat(3)}2,"cut`;
    const tail = await lastCompleteCsvRecord(file(content));
    expect(tail.last).toBe(record);
    expect(tail.completeBytes).toBe(Buffer.byteLength(`a,b\r\n${record.repeat(3)}`));
  });
});
