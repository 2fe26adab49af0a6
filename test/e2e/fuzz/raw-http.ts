import { Agent, request } from 'node:http';
import type { FuzzRequest } from './request-arbitrary';

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Sends the request byte for byte (supertest would re-encode the path and pick a content type). */
export function sendRaw(port: number, fuzz: FuzzRequest, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const headers = { ...fuzz.headers, ...(fuzz.body !== undefined ? { 'content-length': String(fuzz.body.length) } : {}) };
    const outgoing = request({ host: '127.0.0.1', port, method: fuzz.method, path: fuzz.target, headers, agent, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', fail);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server that refuses early may close while the body is still being written.
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(error));
    outgoing.end(fuzz.body);
  });
}

export function closeRawAgent(): void {
  agent.destroy();
}
