import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { TEST_JWT_SECRET } from './support/tokens';
import { startTestApp } from './test-app';

describe('GET /health', () => {
  let db: TestDatabase;
  let app: INestApplication;
  beforeAll(async () => {
    db = await createTestDatabase([]);
    app = await startTestApp({ DATABASE_URL: db.url, JWT_SECRET: TEST_JWT_SECRET });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('answers 200 when the event store and the read database are up', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { eventStore: 'up', readDatabase: 'up' } });
  });

  it('answers 503 while the database refuses connections, and recovers by itself', async () => {
    const name = new URL(db.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const down = await request(app.getHttpServer()).get('/health').expect(503);
      expect(down.body.status).toBe('unavailable');
      expect(down.body.checks).toEqual({ eventStore: 'down', readDatabase: 'down' });
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await request(app.getHttpServer()).get('/health').expect(200);
  });
});
