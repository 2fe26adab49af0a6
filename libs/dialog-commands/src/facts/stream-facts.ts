import { Injectable } from '@nestjs/common';
import {
  assertOperatorInService,
  lineDecider,
  LineState,
  lineStreamName,
  OperatorAvailability,
  operatorDecider,
  OperatorState,
  operatorStreamName,
  type Actor,
} from '@switchboard/dialogs';
import { StreamStates } from '../stream/stream-states';

/**
 * Facts other aggregates own, read from their streams when a dialog command needs them: what is
 * new since the kept state, so an operator's or a busy line's long history costs nothing twice.
 */
@Injectable()
export class StreamFacts {
  constructor(private readonly states: StreamStates) {}

  async operator(operatorId: string): Promise<OperatorState> {
    return (await this.states.current(operatorStreamName(operatorId), operatorDecider)).state;
  }

  async operatorAvailability(operatorId: string): Promise<OperatorAvailability> {
    const state = await this.operator(operatorId);
    return state.exists ? state.status : 'unknown';
  }

  /** Operator principals act only while registered and not removed; others pass unread. */
  async assertActorInService(actor: Actor): Promise<void> {
    if (actor.kind !== 'operator') return;
    assertOperatorInService(actor, await this.operatorAvailability(actor.id));
  }

  async line(lineId: string): Promise<LineState> {
    return (await this.states.current(lineStreamName(lineId), lineDecider)).state;
  }
}
