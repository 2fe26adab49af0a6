import type { StoredEvent } from './log-records';
import { streams } from './protocol';

const { FilterCase, WindowCase } = streams.ReadReq.Options.FilterOptions;

/** A server-side filter on `$all`, and how often a filtered subscription reports progress. */
export interface EventFilter {
  matches(event: StoredEvent): boolean;
  /** Events scanned (matching or not) between two checkpoint messages. */
  readonly checkpointInterval: number;
}

// The server's page size, used as the search window when the client asks for `count`.
const DEFAULT_WINDOW = 32;

/**
 * The filter a read or subscription asked for, or undefined for `no_filter`. As on the server,
 * an expression is either a regex (matched anywhere, like .NET's Regex.IsMatch; JavaScript's
 * dialect here) or a list of prefixes, applied to the stream name or to the event type.
 * Throws SyntaxError for a regex JavaScript cannot compile.
 */
export function eventFilter(options: streams.ReadReq.Options): EventFilter | undefined {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return undefined;
  const onStream = filter.getFilterCase() === FilterCase.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression?.getPrefixList() ?? [];
  const window = filter.getWindowCase() === WindowCase.MAX ? filter.getMax() : DEFAULT_WINDOW;
  return {
    matches(event) {
      const subject = onStream ? event.streamId : event.type;
      return regex ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
    },
    checkpointInterval: Math.max(1, filter.getCheckpointintervalmultiplier()) * Math.max(1, window),
  };
}
