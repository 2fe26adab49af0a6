import type { Response } from 'express';
import { recordedEventJson, type EventStore, type Position, type RecordedEvent, type SubscribeOptions, type Subscription } from '@switchboard/event-store';
import type { EventLogStreamConfig } from './event-log.config';
import { eventFrame, heartbeatFrame, progressFrame, retryFrame } from './sse-frames';

/**
 * One client's live stream of the log as server-sent events. Memory stays bounded however slow
 * the client reads: when the socket's buffer is full, the subscription's handler waits for
 * 'drain' before it returns, and the store reads no further until it has. So a paused client
 * holds at most one batch plus the socket buffers, and costs no reads while it sleeps.
 */
export class EventLogStream {
  /** Events the store has handed to this stream so far (the test of backpressure counts them). */
  received = 0;
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  private ending = false;
  private subscription?: Subscription;
  private heartbeat?: NodeJS.Timeout;
  /** Resolves a handler waiting for 'drain' when the stream ends instead. */
  private release?: () => void;

  /** True while a handler waits for the client to take what was sent: the store reads nothing meanwhile. */
  get waitingForClient(): boolean {
    return this.release !== undefined;
  }

  constructor(
    readonly principal: string,
    private readonly response: Response,
    private readonly config: EventLogStreamConfig,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
  }

  start(store: EventStore, options: SubscribeOptions, onFailure: (error: unknown) => void): void {
    const response = this.response;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: proxies and compression middleware must pass each frame on as it comes.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx buffers proxied answers unless told not to.
      'X-Accel-Buffering': 'no',
    });
    response.socket?.setNoDelay(true);
    response.on('close', () => void this.end());
    response.write(retryFrame(this.config.retryMs));
    this.heartbeat = setInterval(() => {
      // A client that has not taken what was sent needs no more bytes to stay connected.
      if (!response.writableNeedDrain && !this.ending) response.write(heartbeatFrame);
    }, this.config.heartbeatMs);
    this.subscription = store.subscribeToAll((events) => this.deliver(events), {
      ...options,
      // Costs bytes, not writes: as often as the heartbeat.
      progressEveryMs: this.config.heartbeatMs,
      onProgress: async (position) => this.tell(position),
    });
    this.subscription.done.catch(onFailure).finally(() => void this.end());
  }

  /** Ends the stream and releases its subscription; `abrupt` drops a client that does not read. */
  async end(abrupt = false): Promise<void> {
    if (!this.ending) {
      this.ending = true;
      clearInterval(this.heartbeat);
      this.release?.();
      if (abrupt && this.response.writableNeedDrain) this.response.destroy();
      else if (!this.response.writableEnded) this.response.end();
      await this.subscription?.stop();
      this.markClosed();
    }
    await this.closed;
  }

  private async deliver(events: RecordedEvent[]): Promise<void> {
    this.received += events.length;
    for (const event of events) {
      if (this.ending) return;
      if (!this.response.write(eventFrame(recordedEventJson(event)))) await this.drained();
    }
  }

  /** Where the client resumes from now, past events the filters skipped; a client that does not read gets nothing more. */
  private tell(position: Position): void {
    if (!this.ending && !this.response.writableNeedDrain) this.response.write(progressFrame(position.toString()));
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off('drain', done);
        this.release = undefined;
        resolve();
      };
      this.response.on('drain', done);
      this.release = done;
    });
  }
}
