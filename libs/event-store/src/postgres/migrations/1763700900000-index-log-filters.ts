import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filters read the log by type or category from a position on. Without these, a follower of a
 * rare type scans every event after its position to find none; with them, a poll that finds
 * nothing reads a few index pages. Both end with the position, so a filtered read walks the
 * index in log order within each type and stops at its limit.
 */
export class IndexLogFilters1763700900000 implements MigrationInterface {
  name = 'IndexLogFilters1763700900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS events_type_position ON event_store.events (type, position)`);
    await q.query(`CREATE INDEX IF NOT EXISTS events_category_position ON event_store.events (category, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS event_store.events_category_position`);
    await q.query(`DROP INDEX IF EXISTS event_store.events_type_position`);
  }
}
