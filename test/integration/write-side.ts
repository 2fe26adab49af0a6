import { INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchboard/dialogs';
import type { RequestContext } from '@switchboard/dialog-commands';
import { DialogCommandsModule } from '@switchboard/dialog-commands';
import { PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { ProjectorModule } from '../../apps/projector/src/projector.module';

@Module({ imports: [CqrsModule.forRoot(), PlatformModule.forRoot({ migrations: allMigrations }), DialogCommandsModule, ProjectorModule] })
class WriteSideTestModule {}

export interface WriteSide {
  app: INestApplicationContext;
  bus: CommandBus;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The write side and the projector over a fresh database, without HTTP. */
export async function startWriteSide(): Promise<WriteSide> {
  const db = await createTestDatabase([]);
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [WriteSideTestModule] }).compile();
    const app = moduleRef;
    await app.init();
    return {
      app,
      bus: app.get(CommandBus),
      db,
      close: async () => {
        await app.close();
        await db.drop();
      },
    };
  } finally {
    process.env.DATABASE_URL = saved;
  }
}

export function as(actor: Actor, extra: Partial<RequestContext> = {}): RequestContext {
  return { actor, correlationId: randomUUID(), ...extra };
}

export const admin: Actor = { kind: 'admin', id: 'admin-1' };
export const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
export const channel: Actor = { kind: 'service', id: 'telegram-bridge' };
export const operator = (id: string): Actor => ({ kind: 'operator', id });
