import type { DialogEvent } from './dialog.events';

/**
 * Two operators answer an unassigned dialog at the same moment: the first reply claims it, and
 * the other, judged on the present state, would be refused. It is let through (and its author
 * joins as a participant) only when the replier names the revision their screen showed and
 * everything recorded since is that race itself: one reply that claimed the dialog (which only
 * happens to an open, unassigned dialog, so that is what the screen showed) and other racers'
 * replies. A reassignment, a transfer, a close or a client's message in between means the screen
 * no longer shows what the operator answers.
 */
export function lostOnlyTheFirstReplyRace(since: readonly DialogEvent[]): boolean {
  const claims = since.filter((event) => event.type === 'OperatorAssigned');
  return claims.length === 1 && since.every(isPartOfTheRace);
}

function isPartOfTheRace(event: DialogEvent): boolean {
  switch (event.type) {
    case 'OperatorAssigned':
      return event.data.reason === 'first_reply';
    case 'ParticipantJoined':
      return event.data.reason === 'replied';
    case 'MessageSent':
      return event.data.author.kind === 'operator';
    default:
      return false;
  }
}
