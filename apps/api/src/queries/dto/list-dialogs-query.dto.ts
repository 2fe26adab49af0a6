import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { DetailedStatus, GeneralStatus } from '@switchboard/dialogs';
import { TAG_PATTERN, TAG_REASON } from '../../validation/limits';
import {
  DEFAULT_DIALOG_LIST_SORT,
  decodeDialogListCursor,
  dialogListSortKeys,
  sortOrders,
  type DialogListSortKey,
  type SortOrder,
} from '@switchboard/read-models/queries';
import { DateRangeQueryDto } from './date-range-query.dto';
import { BooleanText, CommaList, IsCursor, IsEntityIdList, MAX_LIST_VALUES } from './query-string.validators';

const generalStatuses: readonly GeneralStatus[] = ['client_waiting', 'operator_answered', 'closed'];
const detailedStatuses: readonly DetailedStatus[] = [
  'new',
  'queued',
  'in_work',
  'client_waiting',
  'client_waiting_new_question',
  'operator_answered',
  'closing',
  'closed',
  'spam',
];
const list = (of: string) => ({ type: String, description: `${of}, comma-separated: any of them matches` });
const flag = (meaning: string) => ({ enum: ['true', 'false'], description: `true: ${meaning}; false: the opposite` });

/** A cursor is only good for the sort and order it was made in. */
function cursorFits(raw: string, dto: object): boolean {
  const query = dto as ListDialogsQueryDto;
  const cursor = decodeDialogListCursor(raw);
  return (
    cursor !== undefined && cursor.sort === (query.sort ?? DEFAULT_DIALOG_LIST_SORT.sort) && cursor.order === (query.order ?? DEFAULT_DIALOG_LIST_SORT.order)
  );
}

/** GET /dialogs: the filters, sort and page of the dialog list; the date ranges come from the base class. */
export class ListDialogsQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional(list('General statuses'))
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(generalStatuses.length)
  @IsIn(generalStatuses, { each: true, message: `each status must be one of ${generalStatuses.join(', ')}` })
  status?: GeneralStatus[];

  @ApiPropertyOptional(list('Detailed statuses'))
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(detailedStatuses.length)
  @IsIn(detailedStatuses, { each: true, message: `each detailedStatus must be one of ${detailedStatuses.join(', ')}` })
  detailedStatus?: DetailedStatus[];

  @ApiPropertyOptional(list('Assigned operators'))
  @IsOptional()
  @IsEntityIdList()
  operatorId?: string[];

  @ApiPropertyOptional(flag('nobody is assigned'))
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'unassigned must be true or false' })
  unassigned?: boolean;

  @ApiPropertyOptional(flag('assigned to the caller'))
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'assignedToMe must be true or false' })
  assignedToMe?: boolean;

  @ApiPropertyOptional(flag('the client waits for an answer (general status client_waiting)'))
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'unanswered must be true or false' })
  unanswered?: boolean;

  @ApiPropertyOptional(list('Channels'))
  @IsOptional()
  @IsEntityIdList()
  channel?: string[];

  @ApiPropertyOptional(list('Lines'))
  @IsOptional()
  @IsEntityIdList()
  lineId?: string[];

  @ApiPropertyOptional({ type: String, description: 'Tags, comma-separated: the dialog must carry all of them' })
  @IsOptional()
  @CommaList()
  @ArrayMaxSize(MAX_LIST_VALUES)
  @Matches(TAG_PATTERN, { each: true, message: `each tag ${TAG_REASON}` })
  tag?: string[];

  @ApiPropertyOptional({ description: "Words of the client's name and of the public messages; all must occur", maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern refuses
  @Matches(/^[^\u0000-\u001f]*[^\s\u0000-\u001f][^\u0000-\u001f]*$/, { message: 'q must hold a word and no control characters' })
  q?: string;

  @ApiPropertyOptional(flag('force-closed as spam'))
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'spam must be true or false' })
  spam?: boolean;

  @ApiPropertyOptional(flag('a reminder the caller set on the dialog fell due and is still open'))
  @IsOptional()
  @BooleanText()
  @IsBoolean({ message: 'reminderDue must be true or false' })
  reminderDue?: boolean;

  @ApiPropertyOptional({
    enum: dialogListSortKeys,
    default: DEFAULT_DIALOG_LIST_SORT.sort,
    description: 'Ties are broken by dialog id; null sorts as the greatest value (last going up, first going down)',
  })
  @IsOptional()
  @IsIn(dialogListSortKeys, { message: `sort must be one of ${dialogListSortKeys.join(', ')}` })
  sort?: DialogListSortKey;

  @ApiPropertyOptional({ enum: sortOrders, default: DEFAULT_DIALOG_LIST_SORT.order })
  @IsOptional()
  @IsIn(sortOrders, { message: 'order must be asc or desc' })
  order?: SortOrder;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same sort and order' })
  @IsOptional()
  @IsCursor(cursorFits, 'must be the nextCursor of a previous page with the same sort and order, unchanged')
  cursor?: string;
}
