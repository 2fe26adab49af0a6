export const lineStreamCategory = 'line';

export const lineStreamName = (lineId: string): string => `${lineStreamCategory}-${lineId}`;
