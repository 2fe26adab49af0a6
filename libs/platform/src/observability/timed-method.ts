/** How a timed call ended: its duration in seconds and its result or error. */
export type Settled = { readonly seconds: number } & ({ readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: unknown });

/**
 * Replaces an async method of one object with a version that reports how each call settled.
 * For objects made by frameworks or factories that offer no hook (the CQRS command bus, the
 * event store built by its module): every caller keeps its reference and is measured.
 */
export function timeMethod<T extends object>(target: T, key: keyof T & string, report: (settled: Settled, args: readonly unknown[]) => void): void {
  const original: unknown = target[key];
  if (typeof original !== 'function') throw new Error(`${key} is not a method`);
  const timed = async (...args: unknown[]): Promise<unknown> => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result: unknown = await original.apply(target, args);
      report({ seconds: seconds(), ok: true, result }, args);
      return result;
    } catch (error) {
      report({ seconds: seconds(), ok: false, error }, args);
      throw error;
    }
  };
  Object.assign(target, { [key]: timed });
}
