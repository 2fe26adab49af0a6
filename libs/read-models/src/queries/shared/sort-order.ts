export type SortOrder = 'asc' | 'desc';

export const sortOrders: readonly SortOrder[] = ['asc', 'desc'];
