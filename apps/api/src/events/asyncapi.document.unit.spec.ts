import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { eventCatalogue, eventTypes } from '@switchboard/dialogs';
import { asyncApiDocument } from './asyncapi.document';

type Node = Readonly<Record<string, unknown>>;
const doc = asyncApiDocument();
const objectAt = (node: unknown, ...path: string[]): Node =>
  path.reduce<Node>((at, key) => {
    const next = at[key];
    if (typeof next !== 'object' || next === null) throw new Error(`no object at ${path.join('/')}`);
    return next as Node;
  }, node as Node);

/** Resolves a local `$ref` ("#/a/b") as a JSON pointer into the document. */
const resolve = ($ref: string): Node =>
  objectAt(
    doc,
    ...$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')),
  );

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

// A structural check of the AsyncAPI 3.0 rules this document relies on, not a full parser.
describe('the AsyncAPI document', () => {
  it('has the required root fields of AsyncAPI 3.0', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(objectAt(doc, 'info')).toMatchObject({ title: expect.any(String), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(
      Object.keys(doc).filter((key) => !['asyncapi', 'id', 'info', 'servers', 'defaultContentType', 'channels', 'operations', 'components'].includes(key)),
    ).toEqual([]);
  });

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(eventTypes.length * 4);
    for (const ref of refs) expect({ ref, local: ref.startsWith('#/') }).toEqual({ ref, local: true });
    for (const ref of refs) expect(() => resolve(ref)).not.toThrow();
  });

  it('gives every channel an address and messages, and declares the parameters its address names', () => {
    for (const [name, channel] of Object.entries(objectAt(doc, 'channels'))) {
      const { address, messages, parameters } = channel as Node;
      expect({ name, address: typeof address }).toEqual({ name, address: 'string' });
      const named = [...String(address).matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect({ name, parameters: Object.keys((parameters as Node | undefined) ?? {}) }).toEqual({ name, parameters: named });
      expect(Object.keys(messages as Node).length).toBeGreaterThan(0);
    }
    expect(Object.keys(objectAt(doc, 'channels', 'eventStream', 'messages'))).toEqual(eventTypes);
    expect(Object.keys(objectAt(doc, 'channels', 'webhookDeliveries', 'messages'))).toEqual(eventTypes);
  });

  it('has a log channel per stream category, each with the events of its streams', () => {
    const messagesOf = (channel: string) => Object.keys(objectAt(doc, 'channels', channel, 'messages'));
    expect(Object.keys(objectAt(doc, 'channels')).filter((name) => name.endsWith('Log'))).toEqual([
      'dialogLog',
      'operatorLog',
      'lineLog',
      'savedreplyLog',
      'reminderLog',
      'clientLog',
    ]);
    expect(messagesOf('clientLog')).toEqual(['ClientDataErased']);
    expect(messagesOf('dialogLog')).toEqual(expect.arrayContaining(['DialogDeleted', 'SavedReplyUsed']));
    expect(messagesOf('reminderLog')).toEqual(['ReminderSet', 'ReminderCompleted', 'ReminderCancelled', 'DialogReminderDue']);
    const everyLog = ['dialogLog', 'operatorLog', 'lineLog', 'savedreplyLog', 'reminderLog', 'clientLog'].flatMap(messagesOf);
    expect([...everyLog].sort()).toEqual([...eventTypes].sort());
  });

  it('sends on every channel only messages of that channel', () => {
    for (const [name, operation] of Object.entries(objectAt(doc, 'operations'))) {
      const { action, channel, messages } = operation as { action: string; channel: { $ref: string }; messages: { $ref: string }[] };
      expect({ name, action }).toEqual({ name, action: 'send' });
      for (const message of messages) expect(message.$ref.startsWith(`${channel.$ref}/messages/`)).toBe(true);
    }
  });

  it('names components with the characters AsyncAPI allows, and each message carries the current version of its data', () => {
    for (const section of ['schemas', 'messages']) {
      for (const key of Object.keys(objectAt(doc, 'components', section))) expect(key).toMatch(/^[a-zA-Z0-9.\-_]+$/);
    }
    for (const entry of eventCatalogue) {
      const payload = objectAt(doc, 'components', 'messages', entry.type, 'payload');
      expect(objectAt(payload, 'properties', 'data')).toEqual({ $ref: `#/components/schemas/${entry.type}.v${entry.currentVersion}` });
      for (const { version } of entry.versions) expect(() => resolve(`#/components/schemas/${entry.type}.v${version}`)).not.toThrow();
    }
  });

  it('signs webhook deliveries with the four Switchboard headers', () => {
    const headers = objectAt(doc, 'components', 'messages', 'DialogOpened.webhook', 'headers');
    expect(headers.required).toEqual(['Switchboard-Signature', 'Switchboard-Timestamp', 'Switchboard-Event-Id', 'Switchboard-Event-Type']);
  });

  it('has payload schemas a draft-07 validator accepts, as AsyncAPI’s default schema format requires', () => {
    const ajv = new Ajv({ strict: true });
    addFormats(ajv);
    for (const [key, schema] of Object.entries(objectAt(doc, 'components', 'schemas'))) {
      expect({ key, valid: ajv.validateSchema(schema as object) }).toEqual({ key, valid: true });
      ajv.compile(schema as object);
    }
  });
});
