import type { Actor } from '../shared/actor';
import { at, deciderSpec, iso, operatorActor, supervisorActor } from '@switchboard/dialogs/testing';
import type { SavedReplyCommand } from './saved-reply.commands';
import { savedReplyDecider } from './saved-reply.decider';
import type { SavedReplyEvent } from './saved-reply.events';
import { MAX_SAVED_REPLY_TEXT, MAX_SAVED_REPLY_TITLE, type SavedReplyContent, type SavedReplyScope } from './saved-reply.values';

const spec = deciderSpec(savedReplyDecider, undefined);
const savedReplyId = '5f0c7c1e-2b1d-4c3a-9e8f-0a1b2c3d4e5f';
const admin: Actor = { kind: 'admin', id: 'admin-1' };
const alice = operatorActor('op-alice');
const bob = operatorActor('op-bob');
const greeting: SavedReplyContent = { title: 'Greeting', text: 'Hello {clientName}, how can I help?', lineId: 'support' };

const create = (scope: SavedReplyScope, actor: Actor, content = greeting): SavedReplyCommand => ({
  type: 'CreateSavedReply',
  data: { savedReplyId, scope, ...content },
  metadata: { actor, occurredAt: at(5) },
});
const edit = (actor: Actor, content = { ...greeting, text: 'Hi {clientName}!' }): SavedReplyCommand => ({
  type: 'EditSavedReply',
  data: { savedReplyId, ...content },
  metadata: { actor, occurredAt: at(6) },
});
const remove = (actor: Actor): SavedReplyCommand => ({ type: 'DeleteSavedReply', data: { savedReplyId }, metadata: { actor, occurredAt: at(7) } });

const created = (scope: SavedReplyScope, by: Actor, minute = 1): SavedReplyEvent => ({
  type: 'SavedReplyCreated',
  data: { savedReplyId, scope, ownerId: scope === 'personal' ? by.id : null, createdBy: by.id, ...greeting, occurredAt: iso(minute) },
});
const deleted: SavedReplyEvent = { type: 'SavedReplyDeleted', data: { savedReplyId, deletedBy: 'admin-1', occurredAt: iso(2) } };

describe('saved reply', () => {
  it('is created as a personal reply owned by whoever writes it, whatever their role', () => {
    spec
      .given([])
      .when(create('personal', alice))
      .then([
        { type: 'SavedReplyCreated', data: { savedReplyId, scope: 'personal', ownerId: 'op-alice', createdBy: 'op-alice', ...greeting, occurredAt: iso(5) } },
      ]);
    spec
      .given([])
      .when(create('personal', admin))
      .then([created('personal', admin, 5)]);
  });

  it('is created as a team reply, owned by nobody, by supervisors and admins only', () => {
    spec
      .given([])
      .when(create('team', supervisorActor, { ...greeting, lineId: null }))
      .then([
        { type: 'SavedReplyCreated', data: { savedReplyId, scope: 'team', ownerId: null, createdBy: 'sup-1', ...greeting, lineId: null, occurredAt: iso(5) } },
      ]);
    spec.given([]).when(create('team', alice)).thenFails({ code: 'saved_reply_team_scope_forbidden', kind: 'forbidden' });
  });

  it('is not created twice under one id', () => {
    spec
      .given([created('team', admin)])
      .when(create('team', admin))
      .thenFails({ code: 'saved_reply_already_exists', kind: 'conflict' });
  });

  it.each([
    ['a blank title', { ...greeting, title: '  ' }, 'required_field_missing'],
    ['a blank text', { ...greeting, text: '' }, 'required_field_missing'],
    ['a blank line', { ...greeting, lineId: ' ' }, 'required_field_missing'],
    ['a title too long', { ...greeting, title: 't'.repeat(MAX_SAVED_REPLY_TITLE + 1) }, 'saved_reply_too_long'],
    ['a text too long', { ...greeting, text: 't'.repeat(MAX_SAVED_REPLY_TEXT + 1) }, 'saved_reply_too_long'],
  ])('refuses %s', (_case, content, code) => {
    spec
      .given([])
      .when(create('personal', alice, content))
      .thenFails({ code, kind: 'invalid' });
    spec
      .given([created('personal', alice)])
      .when(edit(alice, content))
      .thenFails({ code, kind: 'invalid' });
  });

  it('is edited by its owner or, for a team reply, by any supervisor or admin; the same words record nothing', () => {
    const hi = { ...greeting, text: 'Hi {clientName}!' };
    spec
      .given([created('personal', alice)])
      .when(edit(alice))
      .then([{ type: 'SavedReplyEdited', data: { savedReplyId, editedBy: 'op-alice', ...hi, occurredAt: iso(6) } }]);
    spec
      .given([created('team', admin)])
      .when(edit(supervisorActor))
      .then([{ type: 'SavedReplyEdited', data: { savedReplyId, editedBy: 'sup-1', ...hi, occurredAt: iso(6) } }]);
    spec
      .given([created('personal', alice)])
      .when(edit(alice, greeting))
      .thenNothing();
  });

  it('hides a personal reply from everyone but its owner, and keeps team replies from operators', () => {
    for (const other of [bob, admin, supervisorActor]) {
      spec
        .given([created('personal', alice)])
        .when(edit(other))
        .thenFails({ code: 'saved_reply_not_found', kind: 'not_found' });
      spec
        .given([created('personal', alice)])
        .when(remove(other))
        .thenFails({ code: 'saved_reply_not_found', kind: 'not_found' });
    }
    spec
      .given([created('team', admin)])
      .when(edit(alice))
      .thenFails({ code: 'saved_reply_not_yours', kind: 'forbidden' });
    spec
      .given([created('team', admin)])
      .when(remove(alice))
      .thenFails({ code: 'saved_reply_not_yours', kind: 'forbidden' });
  });

  it('is deleted once; after that neither edited nor deleted again', () => {
    spec
      .given([created('team', admin)])
      .when(remove(admin))
      .then([{ type: 'SavedReplyDeleted', data: { savedReplyId, deletedBy: 'admin-1', occurredAt: iso(7) } }]);
    spec
      .given([created('team', admin), deleted])
      .when(remove(admin))
      .thenFails({ code: 'saved_reply_deleted', kind: 'conflict' });
    spec
      .given([created('team', admin), deleted])
      .when(edit(admin))
      .thenFails({ code: 'saved_reply_deleted', kind: 'conflict' });
  });

  it('cannot be edited or deleted before it exists', () => {
    spec.given([]).when(edit(admin)).thenFails({ code: 'saved_reply_not_found', kind: 'not_found' });
    spec.given([]).when(remove(admin)).thenFails({ code: 'saved_reply_not_found', kind: 'not_found' });
  });
});
