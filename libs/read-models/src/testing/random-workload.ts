import { isDomainError, type Actor } from '@switchboard/dialogs';
import type { DialogCommandInput, LineCommandInput, SupportScript } from './support-script';

const operators = ['op-1', 'op-2', 'op-3', 'op-4'];
const tags = ['vip', 'bug', 'refund'];
const supervisor: Actor = { kind: 'supervisor', id: 'sup-1' };
const gateway: Actor = { kind: 'service', id: 'web-chat' };
const system: Actor = { kind: 'system', id: 'closing-timeout' };
const admin: Actor = { kind: 'admin', id: 'admin-1' };
// The saved reply the operators' "done" comes from.
const doneReply = '7e57ab1e-d0e0-4000-8000-000000000001';
const active = 'active' as const;

/** A small seeded generator, so a failing run can be replayed exactly. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

/**
 * Many dialogs living through random commands, each decided by the domain (refused ones are
 * simply dropped), one append per command as on the live system. Halfway, one line is deleted
 * while some of its dialogs were transferred out and others keep receiving events; now and then
 * an admin deletes a single dialog. Every
 * SCHEDULE_EVERY steps a line's opening hours are also set, changed or cleared (at fixed steps,
 * so the random commands stay those of the seed), and the business-hours values depend on them.
 */
export async function writeRandomWorkload(script: SupportScript, options: { seed: number; steps: number }): Promise<void> {
  const random = randomFrom(options.seed);
  const lines = ['north', 'south', 'east'];
  for (const lineId of lines) {
    await script.line(
      { type: 'CreateLine', data: { lineId, name: lineId, routingMode: 'manual', operatorIds: operators } },
      { actor: { kind: 'admin', id: 'admin-1' }, minute: 0 },
    );
  }
  const liveLines = [...lines];
  const dialogIds: string[] = [];
  let minute = 1;
  for (let step = 0; step < options.steps; step++) {
    minute += Math.floor(random.next() * 3);
    if (step === Math.floor(options.steps / 2)) {
      await script.line({ type: 'DeleteLine', data: { lineId: 'east' } }, { actor: { kind: 'admin', id: 'admin-1' }, minute });
      liveLines.splice(liveLines.indexOf('east'), 1);
      continue;
    }
    if (step % SCHEDULE_EVERY === 0) {
      await script.line(scheduleCommand(liveLines, step / SCHEDULE_EVERY), { actor: { kind: 'admin', id: 'admin-1' }, minute });
    }
    if (dialogIds.length === 0 || random.next() < 0.08) {
      const dialogId = `00000000-0000-4000-8000-${String(dialogIds.length).padStart(12, '0')}`;
      const previousDialogId = dialogIds.length > 0 && random.next() < 0.2 ? random.pick(dialogIds) : undefined;
      dialogIds.push(dialogId);
      await script.dialog(
        {
          type: 'OpenDialog',
          data: {
            dialogId,
            direction: random.next() < 0.8 ? 'inbound' : 'outbound',
            channel: random.pick(['telegram', 'email', 'vk']),
            lineId: random.pick(liveLines),
            client: { id: `client-${dialogIds.length}`, name: random.next() < 0.9 ? `Client ${dialogIds.length}` : undefined },
            previousDialogId,
          },
        },
        { actor: gateway, minute },
      );
      continue;
    }
    const dialogId = random.pick(dialogIds);
    const operator: Actor = { kind: 'operator', id: random.pick(operators) };
    const [command, actor] = randomCommand(random, dialogId, operator, liveLines, step);
    try {
      await script.dialog(command, { actor, minute });
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
}

const SCHEDULE_EVERY = 61;
const workingDays = (spans: readonly { from: string; to: string }[]) => ({ mon: spans, tue: spans, wed: spans, thu: spans, fri: spans });

// A lunch break and short Saturdays, a holiday on the workload's first Saturday, and a clear now
// and then; Berlin, so the hours sit an hour off the UTC minutes of the script.
function scheduleCommand(liveLines: readonly string[], round: number): LineCommandInput {
  const lineId = liveLines[round % liveLines.length];
  if (round % 4 === 3) return { type: 'ClearLineSchedule', data: { lineId } };
  const spans =
    round % 2 === 0
      ? [
          { from: '09:00', to: '12:00' },
          { from: '13:00', to: '17:00' },
        ]
      : [{ from: '08:00', to: '20:00' }];
  return {
    type: 'SetLineSchedule',
    data: {
      lineId,
      timeZone: 'Europe/Berlin',
      weekly: { ...workingDays(spans), sat: [{ from: '10:00', to: '14:00' }] },
      holidays: round % 3 === 0 ? ['2024-03-02'] : [],
    },
  };
}

function randomCommand(
  random: ReturnType<typeof randomFrom>,
  dialogId: string,
  operator: Actor,
  liveLines: readonly string[],
  step: number,
): [DialogCommandInput, Actor] {
  const id = `item-${step}`;
  // Conversation is what dialogs mostly do; closing, spam and the rest come now and then.
  const choices: (readonly [weight: number, command: () => [DialogCommandInput, Actor]])[] = [
    [6, () => [{ type: 'SendMessage', data: { dialogId, messageId: id, author: { kind: 'client' }, text: `question ${step} about delivery` } }, gateway]],
    [6, () => [{ type: 'SendMessage', data: { dialogId, messageId: id, author: { kind: 'client' }, text: 'still waiting' } }, gateway]],
    [
      6,
      () => [
        { type: 'SendMessage', data: { dialogId, messageId: id, author: { kind: 'operator', operatorStatus: active }, text: `answer ${step}` } },
        operator,
      ],
    ],
    [
      6,
      () => [
        { type: 'SendMessage', data: { dialogId, messageId: id, author: { kind: 'operator', operatorStatus: active }, text: 'done', savedReplyId: doneReply } },
        operator,
      ],
    ],
    [1, () => [{ type: 'SendMessage', data: { dialogId, messageId: id, author: { kind: 'bot', botId: 'greeter' }, text: 'hello from the bot' } }, gateway]],
    [1, () => [{ type: 'AddNote', data: { dialogId, noteId: id, text: `note ${step}` } }, operator]],
    [1, () => [{ type: 'AssignOperator', data: { dialogId, operatorId: random.pick(operators), operatorStatus: active } }, supervisor]],
    [1, () => [{ type: 'AssignOperator', data: { dialogId, operatorId: null } }, supervisor]],
    [1, () => [{ type: 'TakeIntoWork', data: { dialogId, operatorStatus: active } }, operator]],
    [1, () => [{ type: 'JoinDialog', data: { dialogId } }, operator]],
    [1, () => [{ type: 'LeaveDialog', data: { dialogId } }, operator]],
    [1, () => [{ type: 'TransferToLine', data: { dialogId, toLineId: random.pick(liveLines), targetLineExists: true } }, operator]],
    [1, () => [{ type: 'TransferToOperator', data: { dialogId, operatorId: random.pick(operators), operatorStatus: active } }, operator]],
    [1, () => [{ type: 'AddTag', data: { dialogId, tag: random.pick(tags) } }, operator]],
    [1, () => [{ type: 'RemoveTag', data: { dialogId, tag: random.pick(tags) } }, operator]],
    [1, () => [{ type: 'PinDialog', data: { dialogId, operatorId: operator.id } }, supervisor]],
    [1, () => [{ type: 'UnpinDialog', data: { dialogId } }, supervisor]],
    [1, () => [{ type: 'SetCrmLink', data: { dialogId, crmLink: { kind: 'deal', id: `deal-${step}` } } }, operator]],
    [1, () => [{ type: 'CloseDialog', data: { dialogId, awaitingRating: random.next() < 0.5 } }, operator]],
    [0.3, () => [{ type: 'FinishClosing', data: { dialogId } }, system]],
    [0.3, () => [{ type: 'ForceCloseAsSpam', data: { dialogId } }, operator]],
    [1, () => [{ type: 'ReopenDialog', data: { dialogId } }, operator]],
    [1, () => [{ type: 'RateDialog', data: { dialogId, rating: 1 + Math.floor(random.next() * 5) } }, gateway]],
    [1, () => [{ type: 'ReviewDialog', data: { dialogId, score: 1 + Math.floor(random.next() * 5), comment: 'reviewed' } }, supervisor]],
    // Rare, and every later command on the dialog is refused: a few dialogs of the seed.
    [0.1, () => [{ type: 'DeleteDialog', data: { dialogId, reason: `cleanup ${step}` } }, admin]],
  ];
  let roll = random.next() * choices.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, command] of choices) {
    roll -= weight;
    if (roll < 0) return command();
  }
  return choices[0][1]();
}
