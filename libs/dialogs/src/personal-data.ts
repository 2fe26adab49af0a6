import type { EventType } from './event-catalogue';

// Which fields of which events are a client's personal data, said once: the composition root
// hands this to the event store, which seals them under the client's key. Ids (the client's, a
// CRM record's) stay clear: they link, and say nothing once the key is gone. Operators' names
// and saved replies are the team's, not a client's.
const ofDialog = { streamPrefix: 'dialog-', streamIdAt: 'dialogId' } as const;

export const personalDataCatalogue = {
  DialogOpened: { fields: ['client.name', 'pageUrl'], subject: { idAt: 'client.id' } },
  MessageSent: { fields: ['text', 'attachments[].name', 'attachments[].url'], subject: ofDialog },
  NoteAdded: { fields: ['text'], subject: ofDialog },
  CrmLinkSet: { fields: ['crmLink.url'], subject: ofDialog },
  ClientRatedDialog: { fields: ['comment'], subject: ofDialog },
  DialogReviewed: { fields: ['comment'], subject: ofDialog },
  ReminderSet: { fields: ['note'], subject: ofDialog },
} as const satisfies Partial<Record<EventType, Readonly<{ fields: readonly string[]; subject: object }>>>;
