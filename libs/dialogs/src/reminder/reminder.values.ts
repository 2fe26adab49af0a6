export const MAX_REMINDER_NOTE = 1000;

export const reminderStatuses = ['open', 'completed', 'cancelled'] as const;
export type ReminderStatus = (typeof reminderStatuses)[number];

/** What setting a reminder needs to know of its dialog, from the dialog's own stream. */
export type ReminderFacts = Readonly<{ dialog: 'open' | 'closed' | 'deleted' | 'missing' }>;

export const noReminderFacts: ReminderFacts = { dialog: 'missing' };
