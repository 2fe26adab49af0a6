import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A text/event-stream client over plain node:http, parsing frames as they arrive, so a test can
 * read part of a stream, stop reading, or drop the connection whenever it likes.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  /** What an EventSource would send as Last-Event-ID now: set by every frame with an id, data or not. */
  lastEventId?: string;
  retry?: number;
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.parse(chunk));
    response.on('close', () => {
      this.ended = true;
      this.notify();
    });
  }

  /** Connects and answers once the headers are in; the body is read as it comes. */
  static connect(app: INestApplication, path: string, headers: Record<string, string>): Promise<SseClient> {
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (response) =>
        resolve(new SseClient(response)),
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** The whole body, for an answer that is not a stream (a problem). */
  async text(): Promise<string> {
    await this.until(() => this.ended);
    return this.buffer;
  }

  /** Stops taking bytes off the socket, as a slow consumer does. */
  pause(): void {
    this.response.pause();
  }

  resume(): void {
    this.response.resume();
  }

  /** Drops the connection, as a client that goes away or crashes does. */
  close(): void {
    this.response.destroy();
  }

  /** Resolves when the condition holds, checked after every frame; rejects after timeoutMs. */
  until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`SSE condition not met within ${timeoutMs} ms (${this.events.length} events)`)), timeoutMs);
      const check = (): void => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private parse(chunk: string): void {
    this.buffer += chunk;
    if (!this.isStream()) return;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.frame(frame);
    }
    this.notify();
  }

  private isStream(): boolean {
    return String(this.response.headers['content-type']).startsWith('text/event-stream');
  }

  private frame(frame: string): void {
    const event: SseEvent = { data: '' };
    let hasData = false;
    for (const line of frame.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === '') this.comments.push(value);
      else if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'retry') this.retry = Number(value);
      else if (field === 'data') {
        event.data = hasData ? `${event.data}\n${value}` : value;
        hasData = true;
      }
    }
    if (event.id !== undefined) this.lastEventId = event.id;
    if (hasData) this.events.push(event);
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
