export type DialogDirection = 'inbound' | 'outbound';

export type PublicAuthorKind = 'client' | 'bot' | 'operator';

export type MessageAuthor = Readonly<{ kind: PublicAuthorKind; id: string }>;

export type Attachment = Readonly<{ name: string; contentType: string; sizeBytes: number; url: string | null }>;

export type ClientRef = Readonly<{ id: string; name: string | null }>;

export type CrmLinkKind = 'contact' | 'deal' | 'order';

export type CrmLink = Readonly<{ kind: CrmLinkKind; id: string; url: string | null }>;

export type AssignmentReason = 'manual' | 'self' | 'first_reply' | 'take' | 'transfer' | 'routing';

export type UnassignmentReason = 'manual' | 'operator_removed' | 'transferred_to_line';

export type JoinReason = 'joined' | 'replied';

export type LeaveReason = 'left' | 'operator_removed';
