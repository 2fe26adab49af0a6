import { BulkChangeDialogsCommand, ChangeDialogCommand, ChangeLineCommand, ChangeOperatorCommand, OpenDialogCommand } from '@switchboard/dialog-commands';
import { problemOf } from '../errors/problem-of';

/**
 * The command type a metric is labelled with: what was asked (`SendMessage`, `CreateLine`,
 * `OpenDialog`, `BulkCloseDialog`), a bounded set, never an id.
 */
export function commandTypeOf(command: unknown): string {
  if (command instanceof OpenDialogCommand) return 'OpenDialog';
  if (command instanceof BulkChangeDialogsCommand) return `Bulk${command.commands[0]?.type ?? 'Empty'}`;
  if (command instanceof ChangeDialogCommand || command instanceof ChangeOperatorCommand || command instanceof ChangeLineCommand) {
    return command.command.type;
  }
  return 'other';
}

export type CommandOutcome = 'ok' | 'duplicate' | 'domain_error' | 'conflict' | 'precondition_failed' | 'unavailable' | 'error';

/**
 * How a command ended, in the terms its HTTP answer uses: a refusal by the domain's rules
 * (4xx), a lost race, a stale If-Match, an outage, or a fault.
 */
export function commandOutcomeOf(settled: { ok: true; result: unknown } | { ok: false; error: unknown }): CommandOutcome {
  if (settled.ok) return isDuplicate(settled.result) ? 'duplicate' : 'ok';
  const { problem, unexpected } = problemOf(settled.error);
  if (unexpected) return 'error';
  if (problem.status === 503) return 'unavailable';
  if (problem.status === 412) return 'precondition_failed';
  if (problem.code === 'concurrency_conflict' || problem.code === 'idempotency_conflict') return 'conflict';
  return 'domain_error';
}

function isDuplicate(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { duplicate?: unknown }).duplicate === true;
}
