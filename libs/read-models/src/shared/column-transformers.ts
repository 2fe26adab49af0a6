import type { ValueTransformer } from 'typeorm';

/**
 * pg hands bigint columns over as strings so that nothing overflows silently. Milliseconds and
 * dialog numbers stay far below 2^53, so queries get plain numbers for them.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
