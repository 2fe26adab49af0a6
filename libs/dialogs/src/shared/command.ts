import type { Actor } from './actor';

// Time and identity travel with the command so that deciding stays a pure function.
export type CommandMetadata = Readonly<{ actor: Actor; occurredAt: Date }>;

export type Command<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;
