import type { DataSource } from 'typeorm';
import type { RawResponse } from './raw-http';
import type { FuzzRequest } from './request-arbitrary';

/**
 * The events of requests that were not accepted. Every event carries the correlation id of the
 * request that caused it (reactions such as the operator-removal unassignments copy it), and every
 * answer names its correlation id in X-Correlation-Id; so an event whose id no 2xx answer named
 * was written by a refused request.
 */
export class EventLogWitness {
  private readonly accepted = new Set<string>();

  constructor(private readonly database: DataSource) {}

  record(response: RawResponse): void {
    const id = response.headers['x-correlation-id'];
    if (response.status < 300 && typeof id === 'string') this.accepted.add(id);
  }

  async eventsOfRefusedRequests(): Promise<{ type: string; correlationId: string }[]> {
    return this.database.query(
      // An anti-join the server can hash: `NOT (id = ANY(array))` compares each event with the
      // whole array, and both grow with the run (FUZZ_RUNS=500 makes that quadratic cost felt).
      `SELECT e.type, e.metadata->>'correlationId' AS "correlationId"
         FROM event_store.events e
        WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS a(id) WHERE a.id = coalesce(e.metadata->>'correlationId', ''))`,
      [[...this.accepted]],
    );
  }
}

/** What is wrong with one answer: a 5xx, or a 4xx that is not a problem naming its reason. */
export function answerViolations(response: RawResponse): string[] {
  if (response.status >= 500) return [`answered ${response.status}`];
  if (response.status < 400) return [];
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return [`a ${response.status} as ${type || 'no content type'}, not application/problem+json`];
  let problem: { status?: unknown; code?: unknown; detail?: unknown; errors?: { field?: unknown; reason?: unknown }[] };
  try {
    problem = JSON.parse(response.text) as typeof problem;
  } catch {
    return ['a problem body that is not JSON'];
  }
  const violations: string[] = [];
  if (problem.status !== response.status) violations.push(`problem status ${String(problem.status)} differs from ${response.status}`);
  if (typeof problem.code !== 'string' || problem.code === '') violations.push('a problem without code');
  if (typeof problem.detail !== 'string' || problem.detail === '') violations.push('a problem without detail');
  if (problem.code === 'validation_failed') {
    const named = (problem.errors ?? []).filter((error) => typeof error.field === 'string' && typeof error.reason === 'string' && error.reason !== '');
    if (named.length === 0) violations.push('a validation problem naming no field and reason');
  }
  return violations;
}

/** The request, short enough to read in a failure message. */
export function describeRequest(request: FuzzRequest, response?: RawResponse): string {
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}... (${text.length} characters)` : text);
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${clip(JSON.stringify(value))}`)
    .join(', ');
  const body = request.body === undefined ? 'no body' : clip(JSON.stringify(request.body.toString('utf8')));
  const answer = response ? ` -> ${response.status} ${clip(response.text)}` : '';
  return `${request.method} ${clip(request.target)} [${headers}] ${body}${answer}`;
}
