import type { FieldError } from '../errors/problem';

/**
 * Keys that mean something to JavaScript objects rather than to us. No body of ours has such a
 * field, and code that copies keys onto objects (class-transformer, spreads) must never see them.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Frame = { kind: 'object'; keys: Set<string>; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

/**
 * The first thing in a JSON text that the parser would accept but this API must not: nesting
 * deeper than `maxDepth` containers, a key given twice in one object (parsers disagree on which
 * one wins, so a proxy and this service could read different requests), a reserved key, or a
 * string PostgreSQL cannot store (U+0000, or a lone UTF-16 surrogate, both only writable in JSON
 * as `\u` escapes). One pass, iterative and lenient: syntax errors are left to the parser.
 */
export function firstJsonTextProblem(text: string, maxDepth: number): FieldError | undefined {
  const stack: Frame[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      if (stack.length >= maxDepth) return { field: pathOf(stack), reason: `must not nest deeper than ${maxDepth} levels` };
      stack.push(char === '{' ? { kind: 'object', keys: new Set(), key: undefined, expectKey: true } : { kind: 'array', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index++;
    } else if (char === ':' && top?.kind === 'object') {
      top.expectKey = false;
    } else if (char === '"') {
      const string = readString(text, at);
      at = string.end;
      const isKey = top?.kind === 'object' && top.expectKey;
      if (isKey) {
        const problem = keyProblem(top, keyOf(string.raw));
        if (problem) return { field: pathOf(stack), reason: problem };
      }
      if (string.problem) return { field: pathOf(stack), reason: string.problem };
    }
  }
  return undefined;
}

function keyProblem(frame: Extract<Frame, { kind: 'object' }>, key: string): string | undefined {
  frame.key = key;
  if (RESERVED_KEYS.has(key)) return 'is a reserved name and not accepted as a key';
  if (frame.keys.has(key)) return 'appears more than once in the same object';
  frame.keys.add(key);
  return undefined;
}

/**
 * The string starting at the quote `start`: the index of its closing quote, its raw text and what
 * is wrong with it. Only `\u` escapes can make a string PostgreSQL refuses: the text itself
 * was valid UTF-8, which holds neither lone surrogates nor (in JSON) raw control characters.
 */
function readString(text: string, start: number): { raw: string; end: number; problem: string | undefined } {
  let problem: string | undefined;
  let highSurrogatePending = false;
  let at = start + 1;
  for (; at < text.length && text[at] !== '"'; at++) {
    const unit = text[at] === '\\' && text[at + 1] === 'u' ? Number.parseInt(text.slice(at + 2, at + 6), 16) : undefined;
    const isLow = unit !== undefined && unit >= 0xdc00 && unit <= 0xdfff;
    if ((highSurrogatePending && !isLow) || (!highSurrogatePending && isLow)) problem ??= LONE_SURROGATE;
    highSurrogatePending = unit !== undefined && unit >= 0xd800 && unit <= 0xdbff;
    if (unit === 0) problem ??= 'must not contain the character U+0000';
    if (text[at] === '\\') at += unit === undefined ? 1 : 5;
  }
  if (highSurrogatePending) problem ??= LONE_SURROGATE;
  return { raw: text.slice(start, at + 1), end: at, problem };
}

const LONE_SURROGATE = 'must be well-formed Unicode (a lone UTF-16 surrogate was given)';

/** A key's value; a key that does not parse is left to the JSON parser to refuse. */
function keyOf(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw;
  }
}

/** The dotted path (`attachments.0.name`) of where the scan is; `body` at the top. */
function pathOf(stack: readonly Frame[]): string {
  const parts = stack.map((frame) => (frame.kind === 'array' ? String(frame.index) : (frame.key ?? ''))).filter((part) => part !== '');
  return parts.length === 0 ? 'body' : parts.join('.');
}
