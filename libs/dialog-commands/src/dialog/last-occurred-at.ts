import type { DialogState } from '@switchboard/dialogs';

export const lastOccurredAtOf = (dialog: DialogState): Date | null => (dialog.exists ? dialog.lastOccurredAt : null);
