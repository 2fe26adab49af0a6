/**
 * Answers hold bigints (revisions, positions), which JSON has no type for: they are stored as
 * `{ "$bigint": "42" }` and read back as bigints, wherever they sit in the answer.
 */
export function answerToJson(answer: unknown): string {
  return JSON.stringify(answer, (_key, value: unknown) => (typeof value === 'bigint' ? { $bigint: value.toString() } : value));
}

export function answerFromJson<Answer>(stored: unknown): Answer {
  return JSON.parse(JSON.stringify(stored), (_key, value: unknown) => {
    const big = value !== null && typeof value === 'object' ? (value as { $bigint?: unknown }).$bigint : undefined;
    return typeof big === 'string' ? BigInt(big) : value;
  }) as Answer;
}
