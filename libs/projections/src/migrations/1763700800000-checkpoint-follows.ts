import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each checkpoint follows: its projection's log filter (`{}` for the whole log). A filtered
 * projection's position stays at the last event it took, so the events it ignores after it
 * are not lag; readers of the checkpoint (GET /projections, the lag metrics) need the filter
 * to tell, also for projections outside the read models, whose code they cannot import.
 */
export class CheckpointFollows1763700800000 implements MigrationInterface {
  name = 'CheckpointFollows1763700800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projections.checkpoints ADD COLUMN follows jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projections.checkpoints DROP COLUMN follows`);
  }
}
