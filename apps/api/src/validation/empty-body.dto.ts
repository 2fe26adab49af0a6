/**
 * For actions that take no body: with the global whitelist a stray field is refused instead of
 * being silently ignored.
 */
export class EmptyBodyDto {}
