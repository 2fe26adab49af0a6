import { Injectable } from '@nestjs/common';
import {
  factsNeededFor,
  lineDecider,
  LineState,
  lineStreamName,
  OperatorAvailability,
  operatorDecider,
  operatorStreamName,
  savedReplyDecider,
  savedReplyStreamName,
  type Actor,
  type SavedReplyUsability,
  type DialogFacts,
  type DialogRequest,
} from '@switchboard/dialogs';
import { StreamStates } from '../stream/stream-states';

/**
 * Facts other aggregates own, read from their streams when a dialog command needs them: what is
 * new since the kept state, so an operator's or a busy line's long history costs nothing twice.
 */
@Injectable()
export class StreamFacts {
  constructor(private readonly states: StreamStates) {}

  /** What the decision on `command` reads from other streams, each stream read once. */
  async forDialog(command: DialogRequest, actor: Actor): Promise<DialogFacts> {
    const { operatorIds, lineIds, savedReplyIds } = factsNeededFor(command, actor);
    const [operators, lines, savedReplies] = await Promise.all([
      Promise.all(operatorIds.map(async (id) => [id, await this.operatorAvailability(id)] as const)),
      Promise.all(lineIds.map(async (id) => [id, await this.lineExists(id)] as const)),
      Promise.all(savedReplyIds.map(async (id) => [id, await this.savedReplyUsability(id)] as const)),
    ]);
    return { operators: new Map(operators), lines: new Map(lines), savedReplies: new Map(savedReplies) };
  }

  async operatorAvailability(operatorId: string): Promise<OperatorAvailability> {
    const { state } = await this.states.current(operatorStreamName(operatorId), operatorDecider);
    return state.exists ? state.status : 'unknown';
  }

  async line(lineId: string): Promise<LineState> {
    return (await this.states.current(lineStreamName(lineId), lineDecider)).state;
  }

  private async savedReplyUsability(savedReplyId: string): Promise<SavedReplyUsability> {
    const { state: reply } = await this.states.current(savedReplyStreamName(savedReplyId), savedReplyDecider);
    const lineId = reply.exists ? reply.content.lineId : null;
    const line = lineId === null ? undefined : await this.line(lineId);
    return { reply, lineDeleted: line !== undefined && line.exists && line.deleted };
  }

  private async lineExists(lineId: string): Promise<boolean> {
    const line = await this.line(lineId);
    return line.exists && !line.deleted;
  }
}
