import { ProblemError } from '../errors/problem';

export const webhookNotFound = (id: string): ProblemError => new ProblemError(404, 'webhook_not_found', `No webhook ${id}`);
