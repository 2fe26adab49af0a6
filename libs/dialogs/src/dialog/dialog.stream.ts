export const dialogStreamCategory = 'dialog';

export const dialogStreamName = (dialogId: string): string => `${dialogStreamCategory}-${dialogId}`;
