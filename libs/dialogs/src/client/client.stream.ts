export const clientStreamCategory = 'client';

export const clientStreamName = (clientId: string): string => `${clientStreamCategory}-${clientId}`;
