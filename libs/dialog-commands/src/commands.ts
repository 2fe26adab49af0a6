import type { DialogRequest, EraseClientData, LineRequest, OpenDialogData, OperatorRequest, ReminderRequest, SavedReplyRequest } from '@switchboard/dialogs';
import { Command } from '@nestjs/cqrs';
import type { CommandResult, RequestContext } from './request-context';

// The @nestjs/cqrs messages the HTTP layer sends: each carries the domain's own command, built at
// the edge from the request and the actor, and the request's context. The bus dispatches by
// class, so these classes are the envelope, not another shape of the command.

/** Opens a dialog; without `dialogId` the handler names it (from the Idempotency-Key, if any). */
export class OpenDialogCommand extends Command<DialogCommandResult> {
  constructor(
    readonly data: Omit<OpenDialogData, 'dialogId' | 'previousDialogId'> & { readonly dialogId?: string },
    readonly context: RequestContext,
  ) {
    super();
  }
}

export class ChangeDialogCommand extends Command<DialogCommandResult> {
  constructor(
    readonly command: Exclude<DialogRequest, { type: 'OpenDialog' }>,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Bulk actions on several dialogs, one command each; each succeeds or fails on its own. */
export class BulkChangeDialogsCommand extends Command<BulkResult> {
  constructor(
    readonly commands: readonly Extract<DialogRequest, { type: 'CloseDialog' | 'ForceCloseAsSpam' | 'TransferToLine' | 'TransferToOperator' }>[],
    readonly context: RequestContext,
  ) {
    super();
  }
}

export class ChangeOperatorCommand extends Command<CommandResult> {
  constructor(
    readonly command: OperatorRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

export class ChangeLineCommand extends Command<CommandResult> {
  constructor(
    readonly command: Exclude<LineRequest, { type: 'RouteDialog' }>,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The edge names a new reply's id (from the Idempotency-Key, if any), so the command is whole. */
export class ChangeSavedReplyCommand extends Command<CommandResult> {
  constructor(
    readonly command: SavedReplyRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The edge names a new reminder's id as it does a saved reply's. */
export class ChangeReminderCommand extends Command<CommandResult> {
  constructor(
    readonly command: ReminderRequest,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** The answer of OpenDialogCommand and ChangeDialogCommand. */
export interface DialogCommandResult extends CommandResult {
  readonly dialogId: string;
  /**
   * Set when a client wrote to a closed or deleted dialog: the message went to a new dialog,
   * `dialogId`, which the channel addresses from then on.
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

/** Erases a client's personal data; `knownDialogIds` are its dialogs the read models know (those opened before sealing began included). */
export class EraseClientDataCommand extends Command<ClientErasureResult> {
  constructor(
    readonly command: EraseClientData,
    readonly knownDialogIds: readonly string[],
    readonly context: RequestContext,
  ) {
    super();
  }
}

export interface ClientErasureResult extends CommandResult {
  /** True when every erasure of the client was recorded already: nothing was destroyed or recorded now. */
  readonly alreadyErased: boolean;
  /** The client's dialogs the erasure covers. */
  readonly dialogIds: readonly string[];
}
