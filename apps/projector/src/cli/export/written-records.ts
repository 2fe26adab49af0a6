import { promises as fs } from 'node:fs';

const CHUNK = 64 * 1024;
const LF = 0x0a;
const QUOTE = 0x22;

/** What an interrupted export left: where its complete records end, and the last of them. */
export type WrittenTail = Readonly<{ completeBytes: number; header?: string; last?: string }>;

export async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await fs.stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * NDJSON: JSON text never holds a raw line feed, so the last LF ends the last complete line.
 * Reads backwards from the end, only as far as the last two line feeds.
 */
export async function lastCompleteLine(path: string): Promise<WrittenTail> {
  const handle = await fs.open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    let tail = Buffer.alloc(0);
    let start = size;
    let end: number | undefined;
    while (start > 0) {
      const length = Math.min(CHUNK, start);
      start -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, start);
      tail = Buffer.concat([chunk, tail]);
      if (end === undefined) {
        const lastLf = tail.lastIndexOf(LF);
        if (lastLf !== -1) end = start + lastLf + 1;
      }
      if (end !== undefined && lfBefore(tail, end - start - 1) !== -1) break;
    }
    if (end === undefined) return { completeBytes: 0 };
    const lineStart = lfBefore(tail, end - start - 1) + 1;
    return { completeBytes: end, last: tail.subarray(lineStart, end - start - 1).toString('utf8') };
  } finally {
    await handle.close();
  }
}

/** The index of the last LF before `index`, or -1 (a negative offset would count from the end). */
const lfBefore = (buffer: Buffer, index: number): number => (index <= 0 ? -1 : buffer.lastIndexOf(LF, index - 1));

/**
 * CSV: a line feed ends a record only outside quotes, and only counting quotes from the start
 * tells which, so the file is read once forwards (a chunk at a time). Quotes and line feeds are
 * single bytes that UTF-8 never uses inside another character.
 */
export async function lastCompleteCsvRecord(path: string): Promise<WrittenTail> {
  const handle = await fs.open(path, 'r');
  try {
    let inQuotes = false;
    let headerEnd = 0;
    let lastStart = 0;
    let end = 0;
    let offset = 0;
    const chunk = Buffer.alloc(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, offset);
      if (bytesRead === 0) break;
      for (let i = 0; i < bytesRead; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) inQuotes = !inQuotes;
        else if (byte === LF && !inQuotes) {
          lastStart = end;
          end = offset + i + 1;
          if (headerEnd === 0) headerEnd = end;
        }
      }
      offset += bytesRead;
    }
    const slice = async (from: number, to: number) => {
      const buffer = Buffer.alloc(to - from);
      await handle.read(buffer, 0, buffer.length, from);
      return buffer.toString('utf8');
    };
    if (headerEnd === 0) return { completeBytes: 0 };
    const header = await slice(0, headerEnd);
    return { completeBytes: end, header, last: end > headerEnd ? await slice(lastStart, end) : undefined };
  } finally {
    await handle.close();
  }
}
