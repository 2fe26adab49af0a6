import type { RecordedEventJson } from '@switchboard/event-store';

// The text/event-stream wire format (WHATWG HTML, "Server-sent events"). A frame ends with a
// blank line; a line starting with ':' is a comment that clients ignore, which makes it the
// heartbeat. JSON.stringify escapes line breaks inside strings, so an event is one data line.

/** `id:` is the position, so the browser's EventSource resumes with `Last-Event-ID` by itself. */
export const eventFrame = (event: RecordedEventJson): string => `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * An id with no data: a client dispatches no event for it but keeps the id as its last one
 * (the spec sets the last event ID before it drops a frame without data), so a reconnecting
 * EventSource resumes past the events the stream's filters skipped, not from its last match.
 */
export const progressFrame = (position: string): string => `id: ${position}\n\n`;

/** How long a client waits before reconnecting after the connection drops. */
export const retryFrame = (retryMs: number): string => `retry: ${retryMs}\n\n`;

export const heartbeatFrame = ': heartbeat\n\n';
