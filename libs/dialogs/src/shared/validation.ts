import { commonErrors } from './common.errors';

export const isBlank = (value: string): boolean => value.trim().length === 0;

// Fractional or out-of-range scores are refused rather than rounded, so nobody's score is
// silently changed.
export const isFivePointScore = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 5;

export function requireNonBlank(fields: Readonly<Record<string, string>>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (isBlank(value)) throw commonErrors.requiredField(field);
  }
}
