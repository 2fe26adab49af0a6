import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Owner read and write, nobody else: the mode every kept secret has. */
export const SECRET_FILE_MODE = 0o600;

/** 32 random bytes, as URL-safe text (safe inside a connection string too). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The secret kept in `path`, created on first use. The file is born 0600 with its content
 * (written aside, then linked into place, which fails if it exists): it is never readable by
 * others, and two processes starting at once (the service and a CLI) end up with one value.
 */
export function readOrCreateSecretFile(path: string, create: () => string = randomSecret): string {
  mkdirSync(dirname(path), { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, `${create()}\n`, { mode: SECRET_FILE_MODE, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  // A copy restored from a backup may have lost its mode; its value may still be private.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, SECRET_FILE_MODE);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret === '') throw new Error(`${path} is empty: delete it to have a new secret generated`);
  return secret;
}
