import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Open dialogs per operator, from the assignments the write side's own projection keeps. It
 * trails the log by the projector's lag, which is fine for spreading load.
 */
@Injectable()
export class OperatorLoad {
  constructor(private readonly database: DataSource) {}

  async openDialogs(operatorIds: readonly string[]): Promise<Map<string, number>> {
    if (operatorIds.length === 0) return new Map();
    const rows: { operator_id: string; open: string }[] = await this.database.query(
      `SELECT operator_id, count(*) AS open FROM write_side.open_assignments
        WHERE operator_id = ANY($1) GROUP BY operator_id`,
      [operatorIds],
    );
    return new Map(rows.map((r) => [r.operator_id, Number(r.open)]));
  }
}
