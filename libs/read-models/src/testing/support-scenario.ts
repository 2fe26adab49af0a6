import type { Actor, AttachmentInput } from '@switchboard/dialogs';
import type { SupportScript } from './support-script';

export const ann: Actor = { kind: 'operator', id: 'op-ann' };
export const bob: Actor = { kind: 'operator', id: 'op-bob' };
export const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
export const admin: Actor = { kind: 'admin', id: 'admin-1' };
export const gateway: Actor = { kind: 'service', id: 'telegram-gateway' };

export const dialogs = {
  // Answered, reassigned, transferred, closed, rated, reopened, closed again, reviewed.
  refund: '11111111-1111-4111-8111-111111111111',
  // In the line that gets deleted.
  legacy: '22222222-2222-4222-8222-222222222222',
  // Opened after the others, still waiting for an answer.
  waiting: '33333333-3333-4333-8333-333333333333',
  // Taken into work by Bob; the client wrote again.
  busy: '44444444-4444-4444-8444-444444444444',
} as const;

export const reassignmentRequest = 'corr-supervisor-reassigns';

export const invoice = { name: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 48_213, url: 'https://files.example/invoice.pdf' };

/**
 * A morning in the inbox, in the order the requests came in. Minutes are since 09:00 UTC; the
 * expectations in the specs are read off this timeline.
 */
export async function writeSupportScenario(script: SupportScript): Promise<void> {
  const refund = dialogs.refund;
  for (const [lineId, name] of [
    ['sales', 'Sales'],
    ['support', 'Support'],
    ['legacy', 'Legacy'],
  ]) {
    await script.line({ type: 'CreateLine', data: { lineId, name, routingMode: 'manual', operatorIds: ['op-ann', 'op-bob'] } }, { actor: admin, minute: 0 });
  }
  await script.dialog(
    {
      type: 'OpenDialog',
      data: {
        dialogId: refund,
        direction: 'inbound',
        channel: 'telegram',
        lineId: 'sales',
        client: { id: 'client-ann-lee', name: 'Ann Lee' },
        pageUrl: 'https://shop.example/orders',
        formFilled: true,
      },
    },
    { actor: gateway, minute: 1 },
  );
  await clientWrites(script, refund, 'c1', 'Hello, my order 1234 has not arrived', 2);
  await script.dialog(
    {
      type: 'OpenDialog',
      data: { dialogId: dialogs.legacy, direction: 'inbound', channel: 'email', lineId: 'legacy', client: { id: 'client-old' } },
    },
    { actor: gateway, minute: 2 },
  );
  await clientWrites(script, refund, 'c2', 'It was due yesterday', 3);
  await clientWrites(script, dialogs.legacy, 'l1', 'Anyone there?', 3);
  await operatorWrites(script, dialogs.legacy, bob, 'l2', 'Yes, how can I help?', 4);
  await script.dialog(
    {
      type: 'OpenDialog',
      data: { dialogId: dialogs.waiting, direction: 'inbound', channel: 'whatsapp', lineId: 'sales', client: { id: 'client-carl', name: 'Carl Berg' } },
    },
    { actor: gateway, minute: 4 },
  );
  await clientWrites(script, dialogs.waiting, 'w1', 'Price for bulk orders?', 4);
  await operatorWrites(script, refund, ann, 'o1', 'Let me check the tracking', 5);
  await clientWrites(script, refund, 'c3', 'Thanks', 6);
  await script.dialog(
    { type: 'AssignOperator', data: { dialogId: refund, operatorId: 'op-bob' } },
    { actor: supervisor, minute: 8, correlationId: reassignmentRequest },
  );
  await script.dialog({ type: 'AddNote', data: { dialogId: refund, noteId: 'n1', text: 'Courier lost the parcel' } }, { actor: bob, minute: 9 });
  await script.dialog({ type: 'AddTag', data: { dialogId: refund, tag: 'delivery' } }, { actor: bob, minute: 10 });
  await script.dialog(
    { type: 'SetCrmLink', data: { dialogId: refund, crmLink: { kind: 'order', id: '1234', url: 'https://crm.example/orders/1234' } } },
    { actor: bob, minute: 10 },
  );
  await script.dialog({ type: 'TransferToLine', data: { dialogId: refund, toLineId: 'support' } }, { actor: bob, minute: 11 });
  await script.dialog({ type: 'TakeIntoWork', data: { dialogId: refund } }, { actor: ann, minute: 12 });
  await script.dialog({ type: 'PinDialog', data: { dialogId: refund, operatorId: 'op-ann' } }, { actor: supervisor, minute: 12 });
  await script.dialog({ type: 'JoinDialog', data: { dialogId: refund } }, { actor: bob, minute: 13 });
  await operatorWrites(script, refund, ann, 'o2', 'A new parcel is on its way', 14);
  await script.dialog({ type: 'CloseDialog', data: { dialogId: refund, awaitingRating: true } }, { actor: ann, minute: 15 });
  await script.dialog({ type: 'RateDialog', data: { dialogId: refund, rating: 5, comment: 'Quick help' } }, { actor: gateway, minute: 16 });
  await script.dialog({ type: 'ReopenDialog', data: { dialogId: refund } }, { actor: ann, minute: 20 });
  await clientWrites(script, refund, 'c4', 'One more question: can I change the address?', 21);
  await operatorWrites(script, refund, ann, 'o3', 'Sure, done', 23);
  await script.dialog({ type: 'CloseDialog', data: { dialogId: refund } }, { actor: ann, minute: 25 });
  await script.dialog(
    {
      type: 'OpenDialog',
      data: { dialogId: dialogs.busy, direction: 'outbound', channel: 'email', lineId: 'support', client: { id: 'client-dora', name: 'Dora' } },
    },
    { actor: bob, minute: 26 },
  );
  await operatorWrites(script, dialogs.busy, bob, 'b1', 'Your invoice is attached', 26, [invoice]);
  await clientWrites(script, dialogs.busy, 'b2', 'It shows the wrong amount', 27);
  await script.dialog({ type: 'TakeIntoWork', data: { dialogId: dialogs.busy } }, { actor: bob, minute: 28 });
  await clientWrites(script, dialogs.busy, 'b3', 'Any news?', 29);
  await script.dialog({ type: 'ReviewDialog', data: { dialogId: refund, score: 4, comment: 'Polite, slow at first' } }, { actor: supervisor, minute: 30 });
  await script.line({ type: 'DeleteLine', data: { lineId: 'legacy' } }, { actor: admin, minute: 40 });
}

export const clientWrites = (script: SupportScript, dialogId: string, messageId: string, text: string, minute: number) =>
  script.dialog({ type: 'SendMessage', data: { dialogId, messageId, author: { kind: 'client' }, text } }, { actor: gateway, minute });

export const operatorWrites = (
  script: SupportScript,
  dialogId: string,
  operator: Actor,
  messageId: string,
  text: string,
  minute: number,
  attachments: readonly AttachmentInput[] = [],
) => script.dialog({ type: 'SendMessage', data: { dialogId, messageId, author: { kind: 'operator' }, text, attachments } }, { actor: operator, minute });
