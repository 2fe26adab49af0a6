/** Where @ReadsFrom leaves the read models a route reads, for the interceptor to find. */
export const READS_FROM = 'switchboard:reads-from';
/** Set on a read that waited for `minPosition` in vain and answered what it had. */
export const STALE_HEADER = 'X-Read-Model-Stale';
