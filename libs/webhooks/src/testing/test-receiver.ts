import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the receiver does with one request: answer with a status, or drop the connection. */
export type ReceiverAnswer = number | 'reset';

export interface ReceivedRequest {
  eventId: string;
  eventType: string;
  timestamp: string;
  signature: string;
  body: string;
  event: { id: string; type: string; streamId: string; revision: string; position: string; metadata: Record<string, unknown> };
  answer: ReceiverAnswer;
}

/**
 * A real HTTP receiver on 127.0.0.1 that records every request and answers as `decide` says.
 * It checks signatures the way docs/downstream.md tells receivers to, with its own HMAC, not the
 * service's code.
 */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  private server?: Server;
  decide: (request: Omit<ReceivedRequest, 'answer'>) => ReceiverAnswer | Promise<ReceiverAnswer> = () => 200;

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Only the requests that got a 2xx. */
  get delivered(): ReceivedRequest[] {
    return this.requests.filter((request) => typeof request.answer === 'number' && request.answer >= 200 && request.answer < 300);
  }

  signatureIsValid(request: ReceivedRequest, secret: string): boolean {
    const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${request.timestamp}.${request.body}`).digest('hex')}`);
    const given = Buffer.from(request.signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string) => String(req.headers[name] ?? '');
    const seen = {
      eventId: header('switchboard-event-id'),
      eventType: header('switchboard-event-type'),
      timestamp: header('switchboard-timestamp'),
      signature: header('switchboard-signature'),
      body,
      event: JSON.parse(body) as ReceivedRequest['event'],
    };
    const answer = await this.decide(seen);
    this.requests.push({ ...seen, answer });
    if (answer === 'reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
  }
}
