import type { Actor } from './actor';

// Time and identity travel with the command so that deciding stays a pure function.
export type CommandMetadata = Readonly<{ actor: Actor; occurredAt: Date }>;

export type Command<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

/**
 * A command as the edge builds it from a request: the actor and the instant are added when it is
 * decided (the instant anew on every attempt, never before the stream's last event).
 */
export type Request<C> = C extends unknown ? Omit<C, 'metadata'> : never;
