import { assertNever, type MessageSent } from '@switchboard/dialogs';
import type { DialogMetricsState } from './dialog-metrics.state';
import { endResponseInterval, openResponseInterval } from './response-intervals.evolve';

// Only public messages reach here; notes and system entries are not messages, so they move
// neither the message dates nor the response intervals.
export function afterMessage(state: DialogMetricsState, event: MessageSent): DialogMetricsState {
  const at = event.data.occurredAt;
  const dated: DialogMetricsState = { ...state, firstMessageAt: state.firstMessageAt ?? at, lastMessageAt: at };
  const author = event.data.author;
  const kind = author.kind;
  switch (kind) {
    case 'client':
      return openResponseInterval({ ...dated, firstClientMessageAt: dated.firstClientMessageAt ?? at }, at);
    case 'bot':
      return afterBotMessage(dated, at);
    case 'operator':
      return endResponseInterval(afterOperatorMessage(dated, at), at, author.id);
    default:
      return assertNever(kind);
  }
}

function afterBotMessage(state: DialogMetricsState, at: string): DialogMetricsState {
  const botFirst = state.firstOperatorMessageAt === null && state.botAnsweredFirstAt === null;
  return botFirst ? { ...state, botAnsweredFirstAt: at } : state;
}

// A reply is an operator message after the first client message; an outbound dialog's opening
// message from the operator is not one.
function afterOperatorMessage(state: DialogMetricsState, at: string): DialogMetricsState {
  const isReply = state.firstClientMessageAt !== null;
  return {
    ...state,
    firstOperatorMessageAt: state.firstOperatorMessageAt ?? at,
    firstOperatorReplyAt: state.firstOperatorReplyAt ?? (isReply ? at : null),
  };
}
