import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EventStore, LogFilter, Position } from '@switchboard/event-store';
import { readPageQuery } from '../../libs/event-store/src/postgres/read-page.sql';
import { RARE_TYPE } from './seed-log';

export const PAGE = 500;

/**
 * Where a case's polls start: `resume` is a live follower, each poll after what the last one
 * looked through, with new events appended between polls (not timed); the others read from a
 * fixed position on every poll, as a follower did that resumed after its last match.
 */
export type Start = { kind: 'resume' } | { kind: 'fixed'; after: Position | undefined };

export interface PollCase {
  name: string;
  filter?: LogFilter;
  start: Start;
}

/** Between two rounds of polls: a dialog's worth of messages, and now and then a match. */
const NEW_PER_POLL = 20;
const MATCH_EVERY_POLLS = 25;

/**
 * One follower per case, polled in turns: round by round every case polls once, so a burst of
 * load on a shared machine falls on all cases alike and their ratios hold. Answers each case's
 * times in ms, `warmup` rounds left out.
 */
export async function timePollsInTurns(store: EventStore, polls: readonly PollCase[], rounds: number, warmup: number): Promise<number[][]> {
  const times = polls.map((): number[] => []);
  const after = await Promise.all(polls.map(async (poll) => (poll.start.kind === 'fixed' ? poll.start.after : store.headPosition())));
  for (let round = 0; round < warmup + rounds; round++) {
    if (polls.some((poll) => poll.start.kind === 'resume')) await appendBetweenPolls(store, round);
    // Each round starts with the next case: the first read after the appends pays for them
    // (hint bits, the append's notification), and no one case should pay every time.
    for (let turn = 0; turn < polls.length; turn++) {
      const index = (round + turn) % polls.length;
      const poll = polls[index];
      const started = process.hrtime.bigint();
      const page = await store.readPage({ after: after[index], maxCount: PAGE, filter: poll.filter });
      if (round >= warmup) times[index].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (poll.start.kind === 'resume') after[index] = page.lookedThrough ?? after[index];
    }
  }
  return times;
}

async function appendBetweenPolls(store: EventStore, poll: number): Promise<void> {
  const types = Array.from({ length: NEW_PER_POLL }, (_, n) => (n === 0 && poll % MATCH_EVERY_POLLS === 0 ? RARE_TYPE : 'MessageSent'));
  const events = types.map((type) => ({ id: randomUUID(), type, data: { text: 'Hello, is anyone there?' } }));
  await store.appendToStream(`dialog-live-${randomUUID()}`, events, { expectedRevision: 'no_stream' });
}

/** The indexes the plan of a case's read scans (EXPLAIN of the statement the store runs), reading after `after`. */
export async function indexesOf(pool: Pool, poll: PollCase, after: Position | undefined): Promise<string> {
  const query = readPageQuery(after, PAGE, poll.filter);
  const { rows } = await pool.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${query.text}`, query.values);
  const scans = new Set<string>();
  const walk = (node: Record<string, unknown>): void => {
    if (typeof node['Index Name'] === 'string') scans.add(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan') scans.add('seq scan');
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk((rows[0]['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0].Plan);
  return [...scans].join(', ');
}
