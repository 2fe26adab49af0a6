import type { BulkIntent, DialogIntent, LineIntent, OpenDialogIntent, OperatorIntent } from './intents';
import type { CommandResult, RequestContext } from './request-context';

// The @nestjs/cqrs commands the HTTP layer sends. Each carries an intent and the request
// context; the handlers load the streams, decide and append.

export class OpenDialogCommand {
  constructor(
    readonly intent: OpenDialogIntent,
    readonly context: RequestContext,
  ) {}
}

export class ChangeDialogCommand {
  constructor(
    readonly dialogId: string,
    readonly intent: DialogIntent,
    readonly context: RequestContext,
  ) {}
}

export class BulkChangeDialogsCommand {
  constructor(
    readonly dialogIds: readonly string[],
    readonly intent: BulkIntent,
    readonly context: RequestContext,
  ) {}
}

export class ChangeOperatorCommand {
  constructor(
    readonly operatorId: string,
    readonly intent: OperatorIntent,
    readonly context: RequestContext,
  ) {}
}

export class ChangeLineCommand {
  constructor(
    readonly lineId: string,
    readonly intent: LineIntent,
    readonly context: RequestContext,
  ) {}
}

/** The answer of OpenDialogCommand and ChangeDialogCommand. */
export interface DialogCommandResult extends CommandResult {
  readonly dialogId: string;
  /**
   * Set when a client wrote to a closed dialog: the message went to a new dialog, `dialogId`,
   * that continues this one.
   */
  readonly followUpOf?: string;
}

export interface BulkItemResult {
  readonly dialogId: string;
  readonly ok: boolean;
  readonly result?: DialogCommandResult;
  readonly error?: { readonly status: number; readonly code: string; readonly message: string };
}

export interface BulkResult {
  readonly results: readonly BulkItemResult[];
}
