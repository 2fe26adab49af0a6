import type { BulkChangeDialogsCommand, ChangeDialogCommand, OpenDialogCommand, RequestContext } from '@switchboard/dialog-commands';
import { derivedId } from '../context/derived-id';
import type { BulkDialogsDto } from './dto/bulk-dialogs.dto';
import type { CloseDialogDto } from './dto/close-dialog.dto';
import type { OpenDialogDto } from './dto/open-dialog.dto';
import type { SendMessageDto } from './dto/send-message.dto';
import type { TransferDialogDto } from './dto/transfer-dialog.dto';
import { messageAuthorOf } from './message-author';

// Request bodies to the domain's own commands, field by field, so nothing a client adds travels
// further by accident. The DTOs have already enforced the either-or rules these rely on.

type DialogChange = ChangeDialogCommand['command'];

export function openDialogDataOf(body: OpenDialogDto): OpenDialogCommand['data'] {
  return {
    dialogId: body.dialogId,
    direction: body.direction,
    channel: body.channel,
    lineId: body.lineId,
    client: { id: body.client.id, name: body.client.name },
    pageUrl: body.pageUrl,
    formFilled: body.formFilled,
    historyRequested: body.historyRequested,
  };
}

export function sendMessageCommandOf(dialogId: string, body: SendMessageDto, context: RequestContext): DialogChange {
  return {
    type: 'SendMessage',
    data: {
      dialogId,
      messageId: derivedId(body.messageId, 'message', context, dialogId),
      author: messageAuthorOf(body, context.actor),
      text: body.text,
      attachments: body.attachments?.map(({ name, contentType, sizeBytes, url }) => ({ name, contentType, sizeBytes, url })),
      ...(body.seenRevision !== undefined ? { seenRevision: BigInt(body.seenRevision) } : {}),
      ...(body.savedReplyId !== undefined ? { savedReplyId: body.savedReplyId } : {}),
    },
  };
}

export function transferCommandOf(dialogId: string, body: Pick<TransferDialogDto, 'operatorId' | 'toLineId'>) {
  return body.operatorId !== undefined
    ? ({ type: 'TransferToOperator', data: { dialogId, operatorId: body.operatorId } } as const)
    : ({ type: 'TransferToLine', data: { dialogId, toLineId: body.toLineId ?? '' } } as const);
}

export function closeCommandOf(dialogId: string, body: CloseDialogDto): DialogChange {
  return body.asSpam === true
    ? { type: 'ForceCloseAsSpam', data: { dialogId } }
    : { type: 'CloseDialog', data: { dialogId, awaitingRating: body.awaitingRating } };
}

export function bulkCommandsOf(body: BulkDialogsDto): BulkChangeDialogsCommand['commands'] {
  return body.dialogIds.map((dialogId) => {
    switch (body.action) {
      case 'close':
        return { type: 'CloseDialog', data: { dialogId } } as const;
      case 'force_close':
        return { type: 'ForceCloseAsSpam', data: { dialogId } } as const;
      case 'transfer':
        return transferCommandOf(dialogId, body);
    }
  });
}
