import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { systemActions } from '@switchboard/read-models/queries';

const text = { type: 'string' } as const;
const nullableText = { type: 'string', nullable: true } as const;
const item = {
  position: { type: 'string', description: 'log position of the event that recorded it (decimal)' },
  eventId: { type: 'string', format: 'uuid' },
  occurredAt: { type: 'string', format: 'date-time' },
} as const;

const message: SchemaObject = {
  type: 'object',
  required: ['kind', 'position', 'eventId', 'occurredAt', 'itemId', 'author', 'text', 'attachments'],
  properties: {
    kind: { type: 'string', enum: ['message', 'note'] },
    ...item,
    itemId: { ...text, description: "the message's or the note's own id" },
    author: { type: 'object', properties: { kind: { type: 'string', enum: ['client', 'bot', 'operator'] }, id: text } },
    text,
    attachments: { type: 'array', items: { type: 'object' } },
  },
};

const systemEntry: SchemaObject = {
  type: 'object',
  required: ['kind', 'position', 'eventId', 'occurredAt', 'action', 'actor'],
  properties: {
    kind: { type: 'string', enum: ['system'] },
    ...item,
    action: { type: 'string', enum: [...systemActions] },
    actor: {
      type: 'object',
      nullable: true,
      description: 'who did it, from the event metadata (operator, supervisor, admin, service or system)',
      properties: { kind: text, id: text },
    },
    operatorId: { ...nullableText, description: 'the operator concerned: assigned, taking, joining, leaving, closing, reopening' },
    previousOperatorId: { ...nullableText, description: 'the assignee before (assigned, transferred_to_operator, unassigned)' },
    fromLineId: { ...nullableText, description: 'transferred_to_line: the line it left' },
    toLineId: { ...nullableText, description: 'transferred_to_line: the line it went to' },
    reason: {
      ...nullableText,
      description: 'as recorded: manual, self, first_reply, routing, transfer, operator_removed, transferred_to_line, joined, replied, left, awaiting_rating',
    },
  },
};

/** The chat timeline's page: messages, notes and system entries told apart by `kind`. */
export const dialogTimelinePageSchema: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: { oneOf: [message, systemEntry] } },
    nextCursor: nullableText,
  },
};
