const start = Date.parse('2024-03-01T09:00:00.000Z');

// Specs speak in minutes since a fixed start, which keeps timelines readable.
export const at = (minute: number): Date => new Date(start + minute * 60_000);

export const iso = (minute: number): string => at(minute).toISOString();
