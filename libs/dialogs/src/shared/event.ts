// Every fact carries its own time: metrics are computed from event data rather than from store
// timestamps, so a replay months later yields the same numbers.
export type Event<Type extends string, Data extends { occurredAt: string }> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;
