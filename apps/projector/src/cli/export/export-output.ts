import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Where an export goes: a file (fresh, or continued after `keepBytes` of it) or stdout. Chunks
 * are written in order and waited for when the stream is full, so memory stays flat and a file
 * cut short by a crash is always a prefix of the whole: at most its last record is partial.
 */
export class ExportOutput {
  private constructor(
    private readonly stream: Writable,
    private readonly ownsStream: boolean,
  ) {}

  static stdout(): ExportOutput {
    return new ExportOutput(process.stdout, false);
  }

  static async file(path: string, keepBytes = 0): Promise<ExportOutput> {
    if (keepBytes > 0) await fs.truncate(path, keepBytes);
    const stream = createWriteStream(path, { flags: keepBytes > 0 ? 'a' : 'w' });
    await once(stream, 'open');
    return new ExportOutput(stream, true);
  }

  async write(chunk: string): Promise<void> {
    if (chunk.length === 0) return;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.ownsStream) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
