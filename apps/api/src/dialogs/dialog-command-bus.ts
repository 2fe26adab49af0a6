import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChangeDialogCommand,
  type DialogCommandResult,
  type DialogIntent,
  type RequestContext,
} from '@switchboard/dialog-commands';

/** Sends one intent for one dialog; the controllers' single way to the write side. */
@Injectable()
export class DialogCommandBus {
  constructor(private readonly commandBus: CommandBus) {}

  change(dialogId: string, intent: DialogIntent, context: RequestContext): Promise<DialogCommandResult> {
    return this.commandBus.execute<ChangeDialogCommand, DialogCommandResult>(new ChangeDialogCommand(dialogId, intent, context));
  }
}
