import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@switchboard/dialogs';
import { IdempotencyConflictError } from '@switchboard/event-store';
import { problemOf } from './problem-of';

describe('problemOf', () => {
  it('keeps the domain code and details', () => {
    const { problem, unexpected } = problemOf(new DomainError('dialog_closed', 'conflict', 'Dialog x is closed', { dialogId: 'x' }));
    expect(problem.toProblem()).toEqual({
      type: 'urn:switchboard:problem:dialog_closed',
      title: 'Conflict',
      status: 409,
      detail: 'Dialog x is closed',
      code: 'dialog_closed',
      details: { dialogId: 'x' },
    });
    expect(unexpected).toBe(false);
  });

  it('lists the field an invalid domain input names, like edge validation does', () => {
    const { problem } = problemOf(new DomainError('schedule_spans_overlap', 'invalid', 'weekly.mon overlaps', { field: 'weekly.mon' }));
    expect(problem.toProblem()).toMatchObject({
      status: 400,
      code: 'schedule_spans_overlap',
      errors: [{ field: 'weekly.mon', reason: 'weekly.mon overlaps' }],
    });
    const conflict = problemOf(new DomainError('x', 'conflict', 'x', { field: 'weekly' })).problem.toProblem();
    expect(conflict.errors).toBeUndefined();
  });

  it('maps a reused idempotency key to 409', () => {
    expect(problemOf(new IdempotencyConflictError('dialog-1', ['e-1'])).problem).toMatchObject({ status: 409, code: 'idempotency_conflict' });
  });

  it("maps Nest's 4xx by status", () => {
    expect(problemOf(new NotFoundException('Cannot GET /x')).problem).toMatchObject({ status: 404, code: 'not_found' });
    expect(problemOf(new BadRequestException('Failed to decode param')).problem).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it("maps body-parser's errors by their type", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    expect(problemOf(tooLarge).problem).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('treats a lost database connection as 503, but not every database error', () => {
    expect(problemOf(new Error('Connection terminated unexpectedly')).problem.status).toBe(503);
    expect(problemOf(Object.assign(new Error('x'), { code: '08006' })).problem.status).toBe(503);
    expect(problemOf(Object.assign(new Error('duplicate key'), { code: '23505' })).problem.status).toBe(500);
  });

  it('answers 503 while the read models are not created yet, but 500 for any other missing relation', () => {
    const missing = (relation: string) => Object.assign(new Error(`relation "${relation}" does not exist`), { code: '42P01' });
    expect(problemOf(missing('read_models.dialog_list')).problem).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(problemOf(missing('event_store.events'))).toMatchObject({ problem: { status: 500 }, unexpected: true });
  });

  it('hides anything unknown behind a generic 500 and flags it for the log', () => {
    const { problem, unexpected } = problemOf('a thrown string');
    expect(problem).toMatchObject({ status: 500, code: 'internal_error' });
    expect(unexpected).toBe(true);
  });
});
