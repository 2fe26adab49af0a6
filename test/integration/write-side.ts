import { INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@switchboard/dialogs';
import { ChangeDialogCommand, ChangeLineCommand, ChangeOperatorCommand, type RequestContext } from '@switchboard/dialog-commands';
import { DialogCommandsModule } from '@switchboard/dialog-commands';
import { PlatformModule } from '@switchboard/platform';
import { allMigrations } from '@switchboard/schema';
import { createTestDatabase, TestDatabase } from '@switchboard/testing';
import { ProjectorModule } from '@switchboard/projector/projector.module';

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

// Shorthands for specs: the command's fields flat beside its type, the target named first, as
// the specs read best; they build the domain's own commands the edge sends.
type Flat<C, Target extends string> = C extends { type: infer T; data: infer D } ? (D extends unknown ? { type: T } & Omit<D, Target> : never) : never;

export const dialogChange = (dialogId: string, command: Flat<ChangeDialogCommand['command'], 'dialogId'>, context: RequestContext): ChangeDialogCommand => {
  const { type, ...data } = command;
  return new ChangeDialogCommand({ type, data: { dialogId, ...data } } as ChangeDialogCommand['command'], context);
};

export const operatorChange = (
  operatorId: string,
  command: Flat<ChangeOperatorCommand['command'], 'operatorId'>,
  context: RequestContext,
): ChangeOperatorCommand => {
  const { type, ...data } = command;
  return new ChangeOperatorCommand({ type, data: { operatorId, ...data } } as ChangeOperatorCommand['command'], context);
};

export const lineChange = (lineId: string, command: Flat<ChangeLineCommand['command'], 'lineId'>, context: RequestContext): ChangeLineCommand => {
  const { type, ...data } = command;
  return new ChangeLineCommand({ type, data: { lineId, ...data } } as ChangeLineCommand['command'], context);
};

export type DialogChangeOf = Flat<ChangeDialogCommand['command'], 'dialogId'>;

/** Polls until the condition holds: for what the projector does in the background. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
