import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, tokenFor } from './tokens';

/** Where a dialog stands for the operator `op-own` of the matrix. */
export const ownerships = ['assigned', 'participant', 'other', 'unassigned'] as const;
export type Ownership = (typeof ownerships)[number];

export const MATRIX_LINE = 'matrix-line';
export const OWN_OPERATOR = 'op-own';
export const OTHER_OPERATOR = 'op-other';

/** Builds the matrix's world over HTTP with an admin and a channel, as a support team would. */
export class MatrixFixtures {
  private lastPosition = 0n;

  constructor(private readonly server: App) {}

  static of(app: INestApplication): MatrixFixtures {
    return new MatrixFixtures(app.getHttpServer() as App);
  }

  /** The highest log position written so far, for `minPosition` on reads. */
  get position(): string {
    return this.lastPosition.toString();
  }

  async createLineAndOperators(): Promise<void> {
    await this.send('admin', 'post', '/lines', { lineId: MATRIX_LINE, name: 'Matrix', routingMode: 'manual' });
    for (const operatorId of [OWN_OPERATOR, OTHER_OPERATOR]) {
      await this.send('admin', 'post', '/operators', { operatorId, name: operatorId, lineIds: [MATRIX_LINE] });
    }
  }

  /** A fresh dialog standing in `ownership` to op-own. */
  async dialog(ownership: Ownership): Promise<string> {
    const opened = await this.send('service', 'post', '/dialogs', {
      direction: 'inbound',
      channel: 'web',
      lineId: MATRIX_LINE,
      client: { id: 'matrix-client' },
    });
    const id = (opened.body as { dialogId: string }).dialogId;
    const assign = (operatorId: string) => this.send('admin', 'put', `/dialogs/${id}/assignee`, { operatorId });
    if (ownership === 'assigned') await assign(OWN_OPERATOR);
    if (ownership === 'participant') await this.send('operator', 'post', `/dialogs/${id}/join`, {}, OWN_OPERATOR);
    if (ownership === 'participant' || ownership === 'other') await assign(OTHER_OPERATOR);
    return id;
  }

  private async send(role: 'admin' | 'service' | 'operator', method: 'post' | 'put', path: string, body: object, sub?: string) {
    const agent = request(this.server);
    const response = await agent[method](path)
      .set('Authorization', bearer(tokenFor(role, sub)))
      .send(body);
    if (response.status >= 300) throw new Error(`fixture ${method.toUpperCase()} ${path} answered ${response.status}: ${response.text}`);
    const position = (response.body as { position?: string | null }).position;
    if (typeof position === 'string' && BigInt(position) > this.lastPosition) this.lastPosition = BigInt(position);
    return response;
  }
}
