/**
 * Where the one-machine mode keeps what it generates: files beside the embedded data directory,
 * named after it, so that each data directory has its own and a backup of `.data/` takes them
 * along. Not inside it: initdb wants that directory empty, and the server owns it.
 */
export const embeddedPasswordFile = (dataDir: string): string => `${dataDir}.password`;

/** The HS256 secret generated when no JWT key is configured. */
export const generatedJwtSecretFile = (dataDir: string): string => `${dataDir}.jwt-secret`;
