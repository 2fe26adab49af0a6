import { mintToken } from '../../apps/api/src/auth/mint-token';
import type { SpawnedSource } from '../../test/e2e/spawn-app';
import type { HttpAnswer, HttpClient } from './http-client';
import { sleep } from './phase';
import type { Team } from './workload';

/** Lines with their operators (spread evenly), and tokens minted with the API's secret. */
export function makeTeam(lineCount: number, operatorCount: number, secret: string): Team {
  const lines = Array.from({ length: lineCount }, (_, i) => `line-${i + 1}`);
  const operators = new Map(lines.map((line) => [line, [] as string[]]));
  for (let i = 0; i < operatorCount; i++) operators.get(lines[i % lineCount])!.push(`op-${i + 1}`);
  const tokens = new Map<string, string>();
  const token: Team['token'] = (role, sub) => {
    const key = `${role}:${sub}`;
    if (!tokens.has(key)) tokens.set(key, mintToken({ sub, role, secret }));
    return tokens.get(key)!;
  };
  return { lines, operators, token };
}

/** Creates the team's lines and operators over the API, as an admin would. */
export async function createTeam(http: HttpClient, team: Team, routingMode = 'manual'): Promise<void> {
  const admin = team.token('admin', 'admin-1');
  for (const lineId of team.lines) {
    const operatorIds = team.operators.get(lineId)!;
    await expectCreated(http.send('POST', '/lines', admin, { lineId, name: lineId, routingMode, operatorIds }));
    for (const operatorId of operatorIds) {
      await expectCreated(http.send('POST', '/operators', admin, { operatorId, name: operatorId, lineIds: [lineId] }));
    }
  }
}

export async function expectCreated(answer: Promise<HttpAnswer>): Promise<HttpAnswer> {
  const created = await answer;
  if (created.status !== 201) throw new Error(`setup failed with ${created.status}: ${created.body}`);
  return created;
}

/** Until `path` answers 200: with GET /dialogs, until the projector has made the read models. */
export async function waitUntilServing(http: HttpClient, token: string, processes: SpawnedSource[], path = '/dialogs?limit=1'): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const exited = processes.find((p) => p.child.exitCode !== null);
    if (exited) throw new Error(`a process exited early:\n${exited.output()}`);
    const answer = await http.send('GET', path, token).catch(() => undefined);
    if (answer?.status === 200) return;
    if (Date.now() > deadline) throw new Error('the service did not start within 120 s');
    await sleep(250);
  }
}

export async function stopProcess(process: SpawnedSource): Promise<void> {
  process.child.kill('SIGTERM');
  await process.exited;
}
