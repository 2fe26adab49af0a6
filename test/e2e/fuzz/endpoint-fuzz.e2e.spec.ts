import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { PrincipalRole } from '@switchboard/api/auth/principal-role';
import { startEdgeTestApp, type EdgeTestApp } from '../support/edge-app';
import { tokenFor } from '../support/tokens';
import { answerViolations, describeRequest, EventLogWitness } from './fuzz-checks';
import { endpointsOf, routesOf, type Endpoint } from './openapi-endpoints';
import { closeRawAgent, sendRaw, type RawResponse } from './raw-http';
import { requestOf, type Fixtures, type FuzzRequest } from './request-arbitrary';

/**
 * Property-based fuzzing of every endpoint of the OpenAPI document, against the real app and
 * PostgreSQL. For any body, query and headers, sent with the token of a role that may call the
 * endpoint: never a 5xx; every 4xx is problem+json naming its reason; a refused request writes
 * no event. FUZZ_RUNS (runs per endpoint, default 40), FUZZ_SEED (default fixed) and FUZZ_ONLY
 * ("POST /dialogs", a substring of endpoint names) replay or widen a run; FUZZ_STATS=1 prints
 * the answers' statuses per endpoint:
 *   FUZZ_RUNS=500 FUZZ_SEED=$RANDOM npx jest test/e2e/fuzz
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_121);
const ONLY = process.env.FUZZ_ONLY;
// About 40 endpoints at a few ms a request: a safety net, not a measure, so wide enough for a
// machine whose cores another process keeps busy (about 170 s at the default there) and for shrinking.
const TIMEOUT_MS = (120 + RUNS * 8) * 1000;
const ROLES: readonly PrincipalRole[] = ['operator', 'supervisor', 'admin', 'auditor', 'service'];

describe('every endpoint under hostile input', () => {
  let edge: EdgeTestApp;
  let port: number;
  let witness: EventLogWitness;
  const tally = new Map<number, number>();
  const tokens = Object.fromEntries(ROLES.map((role) => [role, tokenFor(role, role === 'operator' ? 'op-1' : `${role}-1`)])) as Record<PrincipalRole, string>;

  const send = async (request: FuzzRequest): Promise<RawResponse> => {
    const response = await sendRaw(port, request);
    witness.record(response);
    return response;
  };
  const json = (method: string, target: string, role: PrincipalRole, body: object) =>
    send({ method, target, headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });

  beforeAll(async () => {
    // A short read-your-writes wait: generated minPositions are mostly far ahead of the log.
    edge = await startEdgeTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: '50' });
    port = (edge.app.getHttpServer().address() as AddressInfo).port;
    witness = new EventLogWitness(edge.app.get(DataSource));
  });
  afterAll(async () => {
    closeRawAgent();
    await edge.stop();
  });

  async function seedFixtures(): Promise<Fixtures> {
    const dialogId = randomUUID();
    const seeded = [
      await json('POST', '/lines', 'admin', { lineId: 'support', name: 'Support', routingMode: 'manual' }),
      await json('POST', '/operators', 'admin', { operatorId: 'op-1', name: 'Ann', lineIds: ['support'] }),
      await json('POST', '/dialogs', 'service', { dialogId, direction: 'inbound', channel: 'telegram', lineId: 'support', client: { id: 'c-1' } }),
      await json('POST', `/dialogs/${dialogId}/messages`, 'service', { author: 'client', text: 'Hello' }),
    ];
    // A saved reply a message may name, and a reminder to complete or cancel.
    const savedReplyId = randomUUID();
    const reminderId = randomUUID();
    seeded.push(
      await json('POST', '/saved-replies', 'supervisor', { savedReplyId, scope: 'team', title: 'Hello', text: 'Hello {clientName}' }),
      await json('POST', `/dialogs/${dialogId}/reminders`, 'supervisor', { reminderId, dueAt: '2999-01-01T00:00:00Z' }),
    );
    expect(seeded.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201]);
    return {
      dialogIds: [dialogId],
      otherUuids: [savedReplyId, reminderId],
      knownIds: ['support', 'op-1', 'telegram', 'read-models.dialog-list', 'DialogOpened', 'vip'],
    };
  }

  /** The roles the edge lets through: any answer but 403 role_not_allowed to a plain request. */
  async function rolesAllowed(endpoint: Endpoint, fixtures: Fixtures): Promise<PrincipalRole[]> {
    if (endpoint.isPublic) return [...ROLES];
    const target = endpoint.path.replace('{id}', fixtures.dialogIds[0]).replace(/\{\w+\}/g, 'probe');
    const allowed: PrincipalRole[] = [];
    for (const role of ROLES) {
      const response = await send({ method: endpoint.method, target, headers: { authorization: `Bearer ${tokens[role]}` }, body: undefined });
      const refused = response.status === 403 && (JSON.parse(response.text) as { code?: string }).code === 'role_not_allowed';
      if (!refused) allowed.push(role);
    }
    return allowed;
  }

  async function violationsOf(request: FuzzRequest): Promise<string | undefined> {
    const response = await send(request);
    tally.set(response.status, (tally.get(response.status) ?? 0) + 1);
    const found = answerViolations(response);
    if (response.status >= 400) {
      const leaked = await witness.eventsOfRefusedRequests();
      if (leaked.length > 0) found.push(`a refused request wrote ${leaked.map((event) => event.type).join(', ')}`);
    }
    return found.length === 0 ? undefined : `${found.join('; ')}\n    ${describeRequest(request, response)}`;
  }

  it('finds every served route in the OpenAPI document', async () => {
    const documented = new Set((await endpointsOf(edge.app)).map((endpoint) => endpoint.name));
    const undocumented = routesOf(edge.app).filter((route) => !documented.has(route) && !route.includes(' /docs'));
    expect(documented.size).toBeGreaterThan(30);
    expect(undocumented).toEqual([]);
  });

  it(
    'never answers 5xx, answers every 4xx as a problem, and records nothing for a refused request',
    async () => {
      const fixtures = await seedFixtures();
      // Deletions last, so the other endpoints meet the fixtures still there.
      const endpoints = (await endpointsOf(edge.app))
        .filter((endpoint) => ONLY === undefined || endpoint.name.includes(ONLY))
        .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      const failures: string[] = [];
      const statuses: string[] = [];
      for (const endpoint of endpoints) {
        tally.clear();
        const roles = await rolesAllowed(endpoint, fixtures);
        expect({ endpoint: endpoint.name, roles: roles.length > 0 }).toEqual({ endpoint: endpoint.name, roles: true });
        const property = fc.asyncProperty(
          requestOf(
            endpoint,
            roles.map((role) => tokens[role]),
            fixtures,
          ),
          async (request) => {
            const violation = await violationsOf(request);
            if (violation !== undefined) throw new Error(violation);
          },
        );
        const details = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: process.env.FUZZ_SHRINK !== '1' });
        statuses.push(
          `${endpoint.name}: ${[...tally]
            .sort(([a], [b]) => a - b)
            .map(([status, count]) => `${status}×${count}`)
            .join(' ')}`,
        );
        if (details.failed) {
          failures.push(
            `${endpoint.name}: ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance)}\n` +
              `    replay: FUZZ_SEED=${details.seed} FUZZ_ONLY='${endpoint.name}' FUZZ_RUNS=${RUNS} (path ${details.counterexamplePath ?? ''})`,
          );
        }
      }
      if (process.env.FUZZ_STATS === '1') console.log(`answers by status, seed ${SEED}, ${RUNS} runs per endpoint:\n${statuses.join('\n')}`);
      expect(failures).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
