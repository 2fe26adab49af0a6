import { dialogDecider } from './dialog.decider';
import {
  at,
  clientWrote,
  closedHistories,
  deciderSpec,
  dialogClosed,
  dialogCommand,
  dialogFacts,
  dialogId,
  dialogOpened,
  iso,
  serviceActor,
  systemActor,
} from '@switchboard/dialogs/testing';
import type { OpenDialog } from './dialog.commands';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const rated = (minute: number): DialogEvent => ({
  type: 'ClientRatedDialog',
  data: { dialogId, rating: 5, comment: null, occurredAt: iso(minute) },
});
const reopened = (minute: number): DialogEvent => ({ type: 'DialogReopened', data: { dialogId, reopenedBy: 'op-1', occurredAt: iso(minute) } });
const open = (data: Partial<OpenDialog['data']> = {}): OpenDialog => ({
  type: 'OpenDialog',
  data: { dialogId, direction: 'inbound', channel: 'telegram', lineId: 'line-sales', client: { id: 'client-1', name: 'Ann' }, ...data },
  metadata: { actor: serviceActor, occurredAt: at(0) },
});

describe('OpenDialog', () => {
  it('opens with explicit defaults for the optional facts', () => {
    spec
      .given([])
      .when(open())
      .then([dialogOpened(0)]);
  });

  it('records the page, form, history request and the previous dialog', () => {
    spec
      .given([])
      .when(open({ pageUrl: 'https://shop/cart', formFilled: true, historyRequested: true, previousDialogId: 'dlg-0' }))
      .then([dialogOpened(0, { pageUrl: 'https://shop/cart', formFilled: true, historyRequested: true, previousDialogId: 'dlg-0' })]);
  });

  it('refuses to open a dialog twice', () => {
    spec.given([dialogOpened()]).when(open()).thenFails({ code: 'dialog_already_exists', kind: 'conflict' });
  });

  it.each([
    ['channel', { channel: ' ' }],
    ['line', { lineId: '' }],
    ['client id', { client: { id: '' } }],
  ])('refuses a blank %s', (_field, data) => {
    spec.given([]).when(open(data)).thenFails({ code: 'required_field_missing', kind: 'invalid' });
  });
});

describe('CloseDialog', () => {
  it('closes an open dialog on behalf of the operator', () => {
    spec
      .given([dialogOpened(), clientWrote(1)])
      .when(dialogCommand('CloseDialog', {}))
      .then([dialogClosed(10)]);
  });

  it('closes waiting for the client rating', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('CloseDialog', { awaitingRating: true }))
      .then([dialogClosed(10, true)]);
  });

  it('records a system close with no closer', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('CloseDialog', {}, { actor: systemActor }))
      .then([dialogClosed(10, false, null)]);
  });

  it('does not wait for a rating the client already gave before a reopen', () => {
    spec
      .given([dialogOpened(), dialogClosed(1), rated(2), reopened(3)])
      .when(dialogCommand('CloseDialog', { awaitingRating: true }))
      .then([dialogClosed(10)]);
  });

  it.each(Object.entries(closedHistories))('refuses to close a %s dialog again', (_status, history) => {
    spec.given(history).when(dialogCommand('CloseDialog', {})).thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});

describe('FinishClosing', () => {
  const finish = () => dialogCommand('FinishClosing', {}, { actor: systemActor });

  it('closes a dialog whose rating wait timed out', () => {
    spec
      .given(closedHistories.closing)
      .when(finish())
      .then([dialogClosed(10, false, null)]);
  });

  it.each([
    ['open', [dialogOpened()]],
    ['closed', closedHistories.closed],
    ['spam', closedHistories.spam],
  ])('does nothing on a %s dialog: the timeout is stale', (_status, history) => {
    spec.given(history).when(finish()).thenNothing();
  });
});

describe('ForceCloseAsSpam', () => {
  const spam: DialogEvent = { type: 'DialogClosedAsSpam', data: { dialogId, closedBy: 'op-1', occurredAt: iso(10) } };

  it.each([
    ['open', [dialogOpened()]],
    ['closing', closedHistories.closing],
  ])('force-closes a %s dialog', (_status, history) => {
    spec.given(history).when(dialogCommand('ForceCloseAsSpam', {})).then([spam]);
  });

  it.each([
    ['closed', closedHistories.closed],
    ['spam', closedHistories.spam],
  ])('refuses a %s dialog', (_status, history) => {
    spec.given(history).when(dialogCommand('ForceCloseAsSpam', {})).thenFails({ code: 'dialog_closed', kind: 'conflict' });
  });
});

describe('ReopenDialog', () => {
  it.each([
    ['closed', closedHistories.closed],
    ['spam', closedHistories.spam],
  ])('reopens a %s dialog', (_status, history) => {
    spec
      .given(history)
      .when(dialogCommand('ReopenDialog', {}))
      .then([reopened(10)]);
  });

  it.each([
    ['open', [dialogOpened()]],
    ['closing', closedHistories.closing],
  ])('refuses a %s dialog', (_status, history) => {
    spec.given(history).when(dialogCommand('ReopenDialog', {})).thenFails({ code: 'dialog_not_closed', kind: 'conflict' });
  });
});
