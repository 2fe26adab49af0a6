import { automaticRoutingModes } from '../routing/routing.policy';
import { identifier, instant, listOf, oneOf, record, uuid, type EventSchemaEntry, type JsonSchema } from '../shared/json-schema';
import { MAX_HOLIDAYS, MAX_SPANS_PER_DAY, weekdays } from './line-schedule.values';
import type { LineEventType } from './line.events';
import { routingModes } from './line.values';

const lineData = (properties: Readonly<Record<string, JsonSchema>> = {}): JsonSchema => record({ lineId: identifier, ...properties, occurredAt: instant });

const localTime = '([01][0-9]|2[0-3]):[0-5][0-9]';
const openingSpan = record({
  from: { type: 'string', pattern: `^${localTime}$` },
  to: { type: 'string', pattern: `^(${localTime}|24:00)$` },
});
const weekly = record(Object.fromEntries(weekdays.map((day) => [day, listOf(openingSpan, { maxItems: MAX_SPANS_PER_DAY })])));

export const lineEventSchemas: Readonly<Record<LineEventType, EventSchemaEntry>> = {
  LineCreated: {
    description: 'A line (a queue of dialogs with its operators and routing mode) was created.',
    versions: { 1: lineData({ name: identifier, routingMode: oneOf(routingModes), operatorIds: listOf(identifier, { uniqueItems: true }) }) },
  },
  LineDeleted: { description: 'The line was deleted; its events stay, read models drop its dialogs.', versions: { 1: lineData() } },
  DialogRouted: {
    description: 'Automatic routing chose an operator for a dialog; the line stream’s revision is the round-robin cursor.',
    versions: { 1: lineData({ dialogId: uuid, operatorId: identifier, routingMode: oneOf(automaticRoutingModes) }) },
  },
  LineScheduleSet: {
    description: 'The line’s whole schedule, in force from occurredAt: local opening hours in an IANA zone, and holidays.',
    versions: {
      1: lineData({
        timeZone: identifier,
        weekly,
        holidays: listOf({ type: 'string', format: 'date' }, { uniqueItems: true, maxItems: MAX_HOLIDAYS }),
      }),
    },
  },
  LineScheduleCleared: { description: 'The line is always open again from occurredAt.', versions: { 1: lineData() } },
};
