export const actorKinds = ['operator', 'supervisor', 'admin', 'auditor', 'service', 'system'] as const;

export type ActorKind = (typeof actorKinds)[number];

// Who acted comes from authentication, never from a request body; the HTTP layer builds it.
export type Actor = Readonly<{ kind: ActorKind; id: string }>;

// The system acts for nobody in particular: a fact naming who did it records null for the
// system, which keeps "closed by operator" and the like to real people.
export const personOf = (actor: Actor): string | null => (actor.kind === 'system' ? null : actor.id);
