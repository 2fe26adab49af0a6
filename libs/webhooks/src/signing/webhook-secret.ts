import { randomBytes } from 'node:crypto';

export const SECRET_LENGTH = { min: 16, max: 256 } as const;

/** 32 random bytes: as strong as the HMAC key can use. */
export const generateSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
