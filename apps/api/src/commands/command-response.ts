import type { BulkResult, CommandResult } from '@switchboard/dialog-commands';
import type { Response } from 'express';
import type { BulkItemResponseDto, BulkResponseDto, CommandResponseDto } from './command-response.dto';

type AnyCommandResult = CommandResult & { readonly dialogId?: string; readonly followUpOf?: string };

export function commandResponseBody(result: AnyCommandResult): CommandResponseDto {
  return {
    ...(result.dialogId !== undefined ? { dialogId: result.dialogId } : {}),
    streamId: result.streamId,
    revision: result.revision.toString(),
    position: result.position === null ? null : result.position.toString(),
    eventTypes: [...result.eventTypes],
    duplicate: result.duplicate,
    ...(result.followUpOf !== undefined ? { followUpOf: result.followUpOf } : {}),
  };
}

/**
 * The body plus the headers a command answer carries: `ETag` with the new revision, for the
 * next `If-Match`; `Location` when something was created (or a follow-up dialog was opened).
 */
export function sendCommandResult(response: Response, result: AnyCommandResult, location?: string): CommandResponseDto {
  response.setHeader('ETag', `"${result.revision.toString()}"`);
  const followUpLocation = result.followUpOf !== undefined && result.dialogId !== undefined ? dialogLocation(result.dialogId) : undefined;
  const target = followUpLocation ?? location;
  if (target !== undefined) response.setHeader('Location', target);
  return commandResponseBody(result);
}

export const dialogLocation = (dialogId: string): string => `/dialogs/${encodeURIComponent(dialogId)}`;

export function bulkResponseBody(result: BulkResult): BulkResponseDto {
  return {
    results: result.results.map((item): BulkItemResponseDto => ({
      dialogId: item.dialogId,
      ok: item.ok,
      ...(item.result !== undefined ? { result: commandResponseBody(item.result) } : {}),
      ...(item.error !== undefined ? { error: { ...item.error } } : {}),
    })),
  };
}
