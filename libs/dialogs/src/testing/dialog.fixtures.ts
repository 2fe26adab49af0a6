import type { DialogCommand, DialogRequest } from '../dialog/dialog.commands';
import { factsNeededFor } from '../dialog/dialog.facts';
import type { DialogFacts } from '../dialog/dialog.facts';
import type { OperatorAvailability } from '../operator/operator-availability';
import type { DialogClosed, DialogClosedAsSpam, DialogOpened, MessageSent, OperatorAssigned, ParticipantJoined } from '../dialog/dialog.events';
import type { AssignmentReason } from '../dialog/dialog.values';
import type { SavedReplyUsability } from '../saved-reply/saved-reply-use.policy';
import type { Actor } from '../shared/actor';
import { operatorActor } from './actor.fixtures';
import { at, iso } from './time.fixtures';

export const dialogId = 'dlg-1';
export const clientId = 'client-1';
export const lineId = 'line-sales';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type CommandOf<T extends DialogCommand['type']> = Extract<DialogCommand, { type: T }>;

// Builds a command on the fixture dialog; by default op-1 acts at minute 10.
export function dialogCommand<T extends Exclude<DialogCommand['type'], 'OpenDialog'>>(
  type: T,
  data: DistributiveOmit<CommandOf<T>['data'], 'dialogId'>,
  options: { actor?: Actor; minute?: number } = {},
): CommandOf<T> {
  const metadata = { actor: options.actor ?? operatorActor('op-1'), occurredAt: at(options.minute ?? 10) };
  return { type, data: { dialogId, ...data }, metadata } as unknown as CommandOf<T>;
}

export const dialogOpened = (minute = 0, overrides: Partial<DialogOpened['data']> = {}): DialogOpened => ({
  type: 'DialogOpened',
  data: {
    dialogId,
    direction: 'inbound',
    channel: 'telegram',
    lineId,
    client: { id: clientId, name: 'Ann' },
    pageUrl: null,
    formFilled: false,
    historyRequested: false,
    previousDialogId: null,
    occurredAt: iso(minute),
    ...overrides,
  },
});

const message = (author: MessageSent['data']['author'], minute: number, messageId: string): MessageSent => ({
  type: 'MessageSent',
  data: { dialogId, messageId, author, text: 'hello', attachments: [], occurredAt: iso(minute) },
});

export const clientWrote = (minute: number, messageId = `c-${minute}`): MessageSent => message({ kind: 'client', id: clientId }, minute, messageId);

export const operatorWrote = (operatorId: string, minute: number, messageId = `o-${minute}`): MessageSent =>
  message({ kind: 'operator', id: operatorId }, minute, messageId);

export const botWrote = (minute: number, messageId = `b-${minute}`): MessageSent => message({ kind: 'bot', id: 'greeter' }, minute, messageId);

export const operatorAssignedAt = (
  operatorId: string,
  minute: number,
  reason: AssignmentReason = 'manual',
  previousOperatorId: string | null = null,
): OperatorAssigned => ({
  type: 'OperatorAssigned',
  data: { dialogId, operatorId, previousOperatorId, reason, occurredAt: iso(minute) },
});

export const participantJoined = (operatorId: string, minute: number): ParticipantJoined => ({
  type: 'ParticipantJoined',
  data: { dialogId, operatorId, reason: 'joined', occurredAt: iso(minute) },
});

export const dialogClosed = (minute: number, awaitingRating = false, closedBy: string | null = 'op-1'): DialogClosed => ({
  type: 'DialogClosed',
  data: { dialogId, closedBy, awaitingRating, occurredAt: iso(minute) },
});

export const dialogClosedAsSpam = (minute: number): DialogClosedAsSpam => ({
  type: 'DialogClosedAsSpam',
  data: { dialogId, closedBy: 'op-1', occurredAt: iso(minute) },
});

// One history per lifecycle state, for rules that must hold in each of them.
export const closedHistories = {
  closing: [dialogOpened(0), clientWrote(1), dialogClosed(2, true)],
  closed: [dialogOpened(0), clientWrote(1), dialogClosed(2)],
  spam: [dialogOpened(0), clientWrote(1), dialogClosedAsSpam(2)],
} as const;

/** A map that answers `fallback` for every key it was not given. */
class Defaulting<K, V> extends Map<K, V> {
  constructor(
    entries: Iterable<readonly [K, V]>,
    private readonly fallback: V,
  ) {
    super(entries);
  }
  override get(key: K): V {
    return super.has(key) ? (super.get(key) as V) : this.fallback;
  }
}

/** A team reply for every line, as usable as a saved reply gets. */
export const usableSavedReply: SavedReplyUsability = {
  reply: { exists: true, savedReplyId: 'reply-1', scope: 'team', ownerId: null, content: { title: 'Hi', text: 'Hello', lineId: null }, deleted: false },
  lineDeleted: false,
};

/** Facts for a spec: every operator active, every line there and every saved reply usable, but for those named otherwise. */
export function dialogFacts(
  operators: Record<string, OperatorAvailability> = {},
  lines: Record<string, boolean> = {},
  savedReplies: Record<string, SavedReplyUsability> = {},
): DialogFacts {
  return {
    operators: new Defaulting(Object.entries(operators), 'active'),
    lines: new Defaulting(Object.entries(lines), true),
    savedReplies: new Defaulting(Object.entries(savedReplies), usableSavedReply),
  };
}

/**
 * For scripted histories (read-model tests, benchmarks) whose people are all at work: the facts
 * a command reads, every operator it names active and every line there.
 */
export function factsAllAvailable(command: DialogRequest, actor: Actor): DialogFacts {
  const { operatorIds, lineIds, savedReplyIds } = factsNeededFor(command, actor);
  return {
    operators: new Map(operatorIds.map((id) => [id, 'active'])),
    lines: new Map(lineIds.map((id) => [id, true])),
    savedReplies: new Map(savedReplyIds.map((id) => [id, usableSavedReply])),
  };
}
