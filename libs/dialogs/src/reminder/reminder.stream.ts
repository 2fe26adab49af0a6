/**
 * A reminder has its own stream rather than events in the dialog's: it is one person's to-do
 * about a dialog, not part of the conversation. Kept apart, setting or ticking one off never
 * races a client's message or an operator's reply for the dialog's revision, and the dialog's
 * history, webhooks and hash chain stay about the conversation.
 */
export const reminderStreamCategory = 'reminder';

export const reminderStreamName = (reminderId: string): string => `${reminderStreamCategory}-${reminderId}`;
