import { Inject, Injectable } from '@nestjs/common';
import {
  assertOperatorInService,
  evolveLine,
  evolveOperator,
  initialLineState,
  initialOperatorState,
  LineEvent,
  LineState,
  type Actor,
  lineStreamName,
  OperatorAvailability,
  OperatorEvent,
  OperatorState,
  operatorStreamName,
} from '@switchboard/dialogs';
import { EVENT_STORE, EventStore } from '@switchboard/event-store';

/** Facts other aggregates own, read from their streams when a dialog command needs them. */
@Injectable()
export class StreamFacts {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async operator(operatorId: string): Promise<OperatorState> {
    const events = await this.store.readStream(operatorStreamName(operatorId));
    return events.reduce((s, e) => evolveOperator(s, e as unknown as OperatorEvent), initialOperatorState);
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
    const events = await this.store.readStream(lineStreamName(lineId));
    return events.reduce((s, e) => evolveLine(s, e as unknown as LineEvent), initialLineState);
  }
}
