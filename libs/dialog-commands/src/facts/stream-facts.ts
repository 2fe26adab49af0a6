import { Inject, Injectable } from '@nestjs/common';
import {
  evolveLine,
  evolveOperator,
  initialLineState,
  initialOperatorState,
  LineEvent,
  LineState,
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

  async line(lineId: string): Promise<LineState> {
    const events = await this.store.readStream(lineStreamName(lineId));
    return events.reduce((s, e) => evolveLine(s, e as unknown as LineEvent), initialLineState);
  }
}
