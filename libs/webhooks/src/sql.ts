import type { Pool, PoolClient } from 'pg';

/** A pool or one of its clients in a transaction: the stores run on either. */
export type Sql = Pick<Pool | PoolClient, 'query'>;
