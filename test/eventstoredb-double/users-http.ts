import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type UserDirectory } from './node-guard';

/**
 * The one HTTP endpoint of a secure node the double serves: `POST /users/`, as the server's user
 * management answers it. The body is `{ loginName, fullName, password, groups }`; a user in the
 * `$admins` group is an admin. Only admins may create users (401 otherwise, as the server answers
 * both missing and insufficient rights); a name already taken is 409, a body without name or
 * password 400, a new user 201. A server serves this on its gRPC port; the double on a port of its own.
 */
export async function startUsersEndpoint(users: UserDirectory, tls: { cert: Buffer; key: Buffer }): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer(tls, (request, response) => void handle(users, request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `https://127.0.0.1:${port}`, stop: () => close(server) };
}

async function handle(users: UserDirectory, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const answer = (code: number, body: object = {}): void => void response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (request.method !== 'POST' || !/^\/users\/?$/.test(request.url ?? '')) return answer(404);
  const caller = authenticate(users, request.headers.authorization);
  if (!caller || caller === 'wrong' || !caller.admin) return answer(401);
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body: { loginName?: unknown; password?: unknown; groups?: unknown };
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
  } catch {
    return answer(400);
  }
  if (typeof body.loginName !== 'string' || !body.loginName || typeof body.password !== 'string' || !body.password) return answer(400);
  if (users.has(body.loginName)) return answer(409);
  const admin = Array.isArray(body.groups) && body.groups.includes('$admins');
  users.set(body.loginName, { username: body.loginName, password: body.password, admin });
  return answer(201, { loginName: body.loginName, success: true });
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
