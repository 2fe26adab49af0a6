import type { ActorKind } from '@switchboard/dialogs';

/** The roles a token may claim. `system` is not among them: only the server itself acts as system. */
export const principalRoles = ['operator', 'supervisor', 'admin', 'auditor', 'service'] as const satisfies readonly ActorKind[];

export type PrincipalRole = (typeof principalRoles)[number];

export const isPrincipalRole = (value: unknown): value is PrincipalRole => typeof value === 'string' && (principalRoles as readonly string[]).includes(value);
