import { GroupedStatsQueryDto } from './grouped-stats-query.dto';

/** GET /stats/first-responses: `from`/`to` bound when the first responses came; operators are the assigned ones. */
export class FirstResponsesQueryDto extends GroupedStatsQueryDto {}
