import request from 'supertest';
import type { App } from 'supertest/types';
import { principalRoles, type PrincipalRole } from '@switchboard/api/auth/principal-role';
import { routeAccessTable } from '@switchboard/api/auth/route-access.table';
import { startEdgeTestApp, type EdgeTestApp } from './support/edge-app';
import { MatrixFixtures, ownerships, type Ownership } from './support/matrix-fixtures';
import { expectedOutcome, observedOutcome } from './support/matrix-expectation';
import { isDialogScoped, matrixRequest, type MatrixRequest } from './support/matrix-requests';
import { operationsOf, routesOf } from './support/route-inventory';
import { bearer, tokenFor } from './support/tokens';

// Swagger UI and its documents are served by express beside Nest's router, outside its guards.
const isSwaggerUi = (key: string): boolean => /^GET \/docs([-/]|$)/.test(key);

interface Cell {
  readonly key: string;
  readonly role: PrincipalRole | null;
  readonly ownership: Ownership | null;
  readonly dialogId: string;
}

/**
 * Every route the app serves × every role and no token × the dialog's owner where there is one,
 * against routeAccessTable and the domain's accessTable. A route without a row fails here.
 */
describe('authorisation matrix', () => {
  let edge: EdgeTestApp;
  let server: App;
  let fixtures: MatrixFixtures;
  let routes: string[];

  beforeAll(async () => {
    edge = await startEdgeTestApp({ RATE_LIMIT_PER_SECOND: '0' });
    server = edge.app.getHttpServer() as App;
    fixtures = MatrixFixtures.of(edge.app);
    await fixtures.createLineAndOperators();
    routes = routesOf(edge.app).filter((key) => !isSwaggerUi(key));
  });
  afterAll(() => edge.stop());

  it('has a row for every route the app serves, and no row for a route it does not', async () => {
    expect(routes.filter((key) => routeAccessTable[key] === undefined)).toEqual([]);
    expect(Object.keys(routeAccessTable).filter((key) => !routes.includes(key))).toEqual([]);
    const documented = operationsOf((await request(server).get('/docs-json').expect(200)).body);
    expect(documented).toEqual(routes);
  });

  it('keeps Swagger UI public', async () => {
    const swagger = routesOf(edge.app).filter(isSwaggerUi);
    expect(swagger).toEqual(expect.arrayContaining(['GET /docs', 'GET /docs-json']));
    for (const key of ['GET /docs', 'GET /docs-json', 'GET /docs-yaml']) await request(server).get(key.slice(4)).expect(200);
  });

  it('answers every route, role and ownership as the tables say', async () => {
    const readDialogs = new Map<Ownership, string>();
    for (const ownership of ownerships) readDialogs.set(ownership, await fixtures.dialog(ownership));
    // Reads wait (minPosition) for the read models to show these four, not every dialog made after.
    const minPosition = fixtures.position;
    const plans: { key: string; role: PrincipalRole | null; ownership: Ownership | null; fresh: boolean }[] = [];
    for (const key of routes) {
      // A command may change who owns its dialog, so each gets a dialog of its own.
      const fresh = !key.startsWith('GET ') && routeAccessTable[key].kind !== 'public';
      plans.push({ key, role: null, ownership: null, fresh: false });
      for (const role of principalRoles) {
        for (const ownership of isDialogScoped(key) ? ownerships : [null]) plans.push({ key, role, ownership, fresh: fresh && ownership !== null });
      }
    }
    const cells: Cell[] = [];
    await inParallel(plans, 8, async ({ key, role, ownership, fresh }) => {
      const dialogId = fresh && ownership !== null ? await fixtures.dialog(ownership) : (readDialogs.get(ownership ?? 'other') ?? '');
      cells.push({ key, role, ownership, dialogId });
    });

    const mismatches: string[] = [];
    const seen = new Set<string>();
    await inParallel(cells, 8, async (cell, serial) => {
      const target = { role: cell.role, dialogId: cell.dialogId, minPosition, serial };
      const spec = matrixRequest(cell.key, target);
      const status = await statusOf(cell, spec);
      const rule = routeAccessTable[cell.key];
      const expected = expectedOutcome(rule, cell.role, cell.ownership, spec.action);
      const observed = observedOutcome(status, rule.kind === 'dialog-read');
      seen.add(expected);
      if (observed !== expected) mismatches.push(`${cell.key} as ${cell.role ?? 'no token'} on ${cell.ownership ?? '-'}: expected ${expected}, got ${status}`);
    });
    expect(mismatches).toEqual([]);
    expect(cells.length).toBeGreaterThan(300);
    expect([...seen].sort()).toEqual(['allowed', 'denied', 'hidden', 'unauthenticated']);
  });

  async function statusOf(cell: Cell, spec: MatrixRequest): Promise<number> {
    const [method] = cell.key.split(' ');
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const agent = request(server);
    let call = agent[verb](spec.path).query(spec.query ?? {});
    if (cell.role !== null) call = call.set('Authorization', bearer(tokenFor(cell.role, cell.role === 'operator' ? 'op-own' : `${cell.role}-1`)));
    const response = spec.body === undefined ? await call : await call.send(spec.body);
    // A bulk request answers 200 and judges each dialog on its own.
    const item = (response.body as { results?: { error?: { status: number } }[] }).results?.[0];
    return cell.key === 'POST /dialogs/bulk' && response.status === 200 && item !== undefined ? (item.error?.status ?? 200) : response.status;
  }
});

async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}
