// Team replies are the whole team's canned answers, kept by supervisors and admins; personal ones
// belong to the person who wrote them and nobody else sees or changes them.
export const savedReplyScopes = ['team', 'personal'] as const;
export type SavedReplyScope = (typeof savedReplyScopes)[number];

export const MAX_SAVED_REPLY_TITLE = 200;
export const MAX_SAVED_REPLY_TEXT = 4000;

/** What a reply says and where it applies; a null line means every line. */
export type SavedReplyContent = Readonly<{ title: string; text: string; lineId: string | null }>;
