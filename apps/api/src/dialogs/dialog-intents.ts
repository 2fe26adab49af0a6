import type { BulkIntent, DialogIntent, OpenDialogIntent } from '@switchboard/dialog-commands';
import type { BulkDialogsDto } from './dto/bulk-dialogs.dto';
import type { CloseDialogDto } from './dto/close-dialog.dto';
import type { OpenDialogDto } from './dto/open-dialog.dto';
import type { TransferDialogDto } from './dto/transfer-dialog.dto';

// Request bodies to intents, field by field, so nothing a client adds travels further by
// accident. The DTOs have already enforced the either-or rules these rely on.

export function openDialogIntentOf(body: OpenDialogDto): OpenDialogIntent {
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

export function transferIntentOf(body: TransferDialogDto): DialogIntent {
  return body.operatorId !== undefined
    ? { type: 'TransferToOperator', operatorId: body.operatorId }
    : { type: 'TransferToLine', toLineId: body.toLineId ?? '' };
}

export function closeIntentOf(body: CloseDialogDto): DialogIntent {
  return body.asSpam === true ? { type: 'ForceCloseAsSpam' } : { type: 'CloseDialog', awaitingRating: body.awaitingRating };
}

export function bulkIntentOf(body: BulkDialogsDto): BulkIntent {
  switch (body.action) {
    case 'close':
      return { type: 'CloseDialog' };
    case 'force_close':
      return { type: 'ForceCloseAsSpam' };
    case 'transfer':
      return body.operatorId !== undefined
        ? { type: 'TransferToOperator', operatorId: body.operatorId }
        : { type: 'TransferToLine', toLineId: body.toLineId ?? '' };
  }
}
