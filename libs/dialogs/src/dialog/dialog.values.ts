// The value lists are consts so that the event schemas enumerate exactly what the types allow.
export const dialogDirections = ['inbound', 'outbound'] as const;
export type DialogDirection = (typeof dialogDirections)[number];

export const publicAuthorKinds = ['client', 'bot', 'operator'] as const;
export type PublicAuthorKind = (typeof publicAuthorKinds)[number];

export type MessageAuthor = Readonly<{ kind: PublicAuthorKind; id: string }>;

export type Attachment = Readonly<{ name: string; contentType: string; sizeBytes: number; url: string | null }>;

export type ClientRef = Readonly<{ id: string; name: string | null }>;

export const crmLinkKinds = ['contact', 'deal', 'order'] as const;
export type CrmLinkKind = (typeof crmLinkKinds)[number];

export type CrmLink = Readonly<{ kind: CrmLinkKind; id: string; url: string | null }>;

export const assignmentReasons = ['manual', 'self', 'first_reply', 'take', 'transfer', 'routing'] as const;
export type AssignmentReason = (typeof assignmentReasons)[number];

export const unassignmentReasons = ['manual', 'operator_removed', 'transferred_to_line'] as const;
export type UnassignmentReason = (typeof unassignmentReasons)[number];

export const joinReasons = ['joined', 'replied'] as const;
export type JoinReason = (typeof joinReasons)[number];

export const leaveReasons = ['left', 'operator_removed'] as const;
export type LeaveReason = (typeof leaveReasons)[number];

export const MAX_DELETION_REASON = 1000;
