import { MigrationInterface, QueryRunner } from 'typeorm';

/** Since when a closed dialog waits for the client's rating: for the rating timeout. */
export class TrackClosingDialogs1763700200100 implements MigrationInterface {
  name = 'TrackClosingDialogs1763700200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE write_side.open_assignments ADD COLUMN closing_since timestamptz`);
    await q.query(`CREATE INDEX open_assignments_closing ON write_side.open_assignments (closing_since) WHERE closing_since IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE write_side.open_assignments DROP COLUMN closing_since`);
  }
}
