import type { Response } from 'supertest';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; reason: string }[];
}

/** Asserts an application/problem+json answer with this status, and returns its body. */
export function expectProblem(response: Response, status: number, code?: string): ProblemBody {
  expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.body as ProblemBody;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  if (code !== undefined) expect(body.code).toBe(code);
  return body;
}

/** Asserts a 400 validation problem that names `field`, and returns the reasons given for it. */
export function expectFieldError(response: Response, field: string, status = 400): string[] {
  const body = expectProblem(response, status);
  const reasons = (body.errors ?? []).filter((error) => error.field === field).map((error) => error.reason);
  expect({ field, errors: body.errors }).toEqual({ field, errors: expect.arrayContaining([expect.objectContaining({ field })]) });
  for (const reason of reasons) expect(reason.length).toBeGreaterThan(0);
  return reasons;
}
