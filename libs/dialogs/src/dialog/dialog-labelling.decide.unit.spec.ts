import { dialogDecider } from './dialog.decider';
import { closedHistories, deciderSpec, dialogCommand, dialogFacts, dialogId, dialogOpened, iso } from '@switchboard/dialogs/testing';
import type { DialogEvent } from './dialog.events';

const spec = deciderSpec(dialogDecider, dialogFacts());
const tagAdded = (tag: string, minute = 10): DialogEvent => ({ type: 'TagAdded', data: { dialogId, tag, occurredAt: iso(minute) } });
const pinned = (operatorId: string, minute = 10): DialogEvent => ({
  type: 'DialogPinned',
  data: { dialogId, operatorId, occurredAt: iso(minute) },
});
const crmLinkSet = (url: string | null, minute = 10): DialogEvent => ({
  type: 'CrmLinkSet',
  data: { dialogId, crmLink: { kind: 'deal', id: 'D-7', url }, occurredAt: iso(minute) },
});

describe('tags', () => {
  it('adds a tag, trimmed', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('AddTag', { tag: ' refund ' }))
      .then([tagAdded('refund')]);
  });

  it('does nothing when the tag is already there', () => {
    spec
      .given([dialogOpened(), tagAdded('refund', 1)])
      .when(dialogCommand('AddTag', { tag: 'refund' }))
      .thenNothing();
  });

  it('refuses a blank tag', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('AddTag', { tag: '  ' }))
      .thenFails({ code: 'invalid_tag', kind: 'invalid' });
  });

  it('removes a tag', () => {
    spec
      .given([dialogOpened(), tagAdded('refund', 1)])
      .when(dialogCommand('RemoveTag', { tag: 'refund' }))
      .then([{ type: 'TagRemoved', data: { dialogId, tag: 'refund', occurredAt: iso(10) } }]);
  });

  it('does nothing when removing an absent tag', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('RemoveTag', { tag: 'refund' }))
      .thenNothing();
  });
});

describe('pinning', () => {
  it('pins the dialog to an operator', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('PinDialog', { operatorId: 'op-2' }))
      .then([pinned('op-2')]);
  });

  it('does nothing when already pinned to the same operator', () => {
    spec
      .given([dialogOpened(), pinned('op-2', 1)])
      .when(dialogCommand('PinDialog', { operatorId: 'op-2' }))
      .thenNothing();
  });

  it('re-pins to another operator', () => {
    spec
      .given([dialogOpened(), pinned('op-2', 1)])
      .when(dialogCommand('PinDialog', { operatorId: 'op-3' }))
      .then([pinned('op-3')]);
  });

  it('unpins, recording whom it was pinned to', () => {
    spec
      .given([dialogOpened(), pinned('op-2', 1)])
      .when(dialogCommand('UnpinDialog', {}))
      .then([{ type: 'DialogUnpinned', data: { dialogId, operatorId: 'op-2', occurredAt: iso(10) } }]);
  });

  it('does nothing when unpinning an unpinned dialog', () => {
    spec.given([dialogOpened()]).when(dialogCommand('UnpinDialog', {})).thenNothing();
  });
});

describe('CRM link', () => {
  const setLink = (url?: string) => dialogCommand('SetCrmLink', { crmLink: { kind: 'deal', id: 'D-7', ...(url ? { url } : {}) } });

  it('sets the link', () => {
    spec
      .given([dialogOpened()])
      .when(setLink())
      .then([crmLinkSet(null)]);
  });

  it('does nothing when the same link is set again', () => {
    spec
      .given([dialogOpened(), crmLinkSet(null, 1)])
      .when(setLink())
      .thenNothing();
  });

  it('replaces a different link', () => {
    spec
      .given([dialogOpened(), crmLinkSet(null, 1)])
      .when(setLink('https://crm/D-7'))
      .then([crmLinkSet('https://crm/D-7')]);
  });

  it('refuses a blank id', () => {
    spec
      .given([dialogOpened()])
      .when(dialogCommand('SetCrmLink', { crmLink: { kind: 'order', id: '' } }))
      .thenFails({ code: 'required_field_missing', kind: 'invalid' });
  });
});

describe.each(Object.entries(closedHistories))('on a %s dialog, labels stay editable', (_status, history) => {
  it('adds a tag', () => {
    spec
      .given(history)
      .when(dialogCommand('AddTag', { tag: 'refund' }))
      .then([tagAdded('refund')]);
  });

  it('pins', () => {
    spec
      .given(history)
      .when(dialogCommand('PinDialog', { operatorId: 'op-2' }))
      .then([pinned('op-2')]);
  });

  it('sets the CRM link', () => {
    spec
      .given(history)
      .when(dialogCommand('SetCrmLink', { crmLink: { kind: 'deal', id: 'D-7' } }))
      .then([crmLinkSet(null)]);
  });
});
