import type request from 'supertest';

type Http = () => ReturnType<typeof request>;

/**
 * Reads that see a test's own writes: each command answer's position is remembered, and every
 * read asks for it as `minPosition`, so the read models have caught up before they answer.
 */
export function freshReads(http: Http) {
  let position = '0';
  return {
    remember: (response: request.Response): request.Response => {
      position = (response.body as { position: string | null }).position ?? position;
      return response;
    },
    read: (path: string, auth: Record<string, string>, query: Record<string, string> = {}) =>
      http()
        .get(path)
        .query({ ...query, minPosition: position })
        .set(auth),
  };
}

/** The line `support` (manual routing) with the operator `op-bob` in it, made by `admin`. */
export async function createSupportTeam(http: Http, admin: Record<string, string>): Promise<void> {
  await http().post('/lines').set(admin).send({ lineId: 'support', name: 'Support', routingMode: 'manual' }).expect(201);
  await http()
    .post('/operators')
    .set(admin)
    .send({ operatorId: 'op-bob', name: 'Bob', lineIds: ['support'] })
    .expect(201);
}
