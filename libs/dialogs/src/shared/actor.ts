export const actorKinds = ['operator', 'supervisor', 'admin', 'auditor', 'service', 'system'] as const;

export type ActorKind = (typeof actorKinds)[number];

// Who acted comes from authentication, never from a request body; the HTTP layer builds it.
export type Actor = Readonly<{ kind: ActorKind; id: string }>;
