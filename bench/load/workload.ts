import type { HttpAnswer, HttpClient } from './http-client';

export interface Team {
  lines: string[];
  /** Operators by line. */
  operators: Map<string, string[]>;
  token(role: 'service' | 'operator' | 'supervisor' | 'admin', sub: string): string;
}

export interface Recorder {
  command(kind: string, answer: HttpAnswer): void;
  query(kind: string, answer: HttpAnswer): void;
  /** Dialogs a query worker may read. */
  opened(dialogId: string): void;
  recentDialog(): string | undefined;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * One support conversation after another, as a channel, its operators and a supervisor drive
 * it: the client opens and writes, an operator's first reply assigns them, they talk back and
 * forth, sometimes a note, sometimes the supervisor hands it to a colleague, then it is closed.
 * Each worker owns its dialog, so refusals are the service's doing, not races of the benchmark.
 */
export async function runConversations(http: HttpClient, team: Team, recorder: Recorder, running: () => boolean): Promise<void> {
  const channel = team.token('service', 'web-chat');
  const supervisor = team.token('supervisor', 'sup-1');
  while (running()) {
    const lineId = pick(team.lines);
    const opened = await http.send('POST', '/dialogs', channel, {
      direction: 'inbound',
      channel: pick(['telegram', 'email', 'web']),
      lineId,
      client: { id: `client-${Math.floor(Math.random() * 1e9)}`, name: 'Kim' },
    });
    recorder.command('open', opened);
    if (opened.status !== 201) continue;
    const dialogId = (JSON.parse(opened.body) as { dialogId: string }).dialogId;
    recorder.opened(dialogId);
    let operatorId = pick(team.operators.get(lineId)!);
    const turns = 2 + Math.floor(Math.random() * 4);
    for (let turn = 0; turn < turns && running(); turn++) {
      recorder.command(
        'client message',
        await http.send('POST', `/dialogs/${dialogId}/messages`, channel, { author: 'client', text: `Question ${turn}: where is my order?` }),
      );
      const operator = team.token('operator', operatorId);
      recorder.command(
        'operator message',
        await http.send('POST', `/dialogs/${dialogId}/messages`, operator, { author: 'operator', text: `Answer ${turn}: let me check.` }),
      );
      if (Math.random() < 0.15) {
        recorder.command('note', await http.send('POST', `/dialogs/${dialogId}/notes`, operator, { text: 'Customer asked twice.' }));
      }
      if (Math.random() < 0.1) {
        operatorId = pick(team.operators.get(lineId)!);
        recorder.command('assign', await http.send('PUT', `/dialogs/${dialogId}/assignee`, supervisor, { operatorId }));
      }
    }
    recorder.command('close', await http.send('POST', `/dialogs/${dialogId}/close`, team.token('operator', operatorId), {}));
  }
}

/** The support UI and a dashboard reading while the conversations go on. */
export async function runReaders(http: HttpClient, team: Team, recorder: Recorder, running: () => boolean): Promise<void> {
  const supervisor = team.token('supervisor', 'sup-1');
  while (running()) {
    const roll = Math.random();
    if (roll < 0.35) {
      recorder.query('list, newest first', await http.send('GET', '/dialogs?limit=50', supervisor));
    } else if (roll < 0.55) {
      const line = pick(team.lines);
      const operator = team.token('operator', pick(team.operators.get(line)!));
      recorder.query("list, an operator's own", await http.send('GET', '/dialogs?limit=50&assignedToMe=true', operator));
    } else if (roll < 0.9) {
      const dialogId = recorder.recentDialog();
      if (dialogId) recorder.query('one dialog', await http.send('GET', `/dialogs/${dialogId}`, supervisor));
    } else {
      recorder.query('stats by operator', await http.send('GET', '/stats/response-times?groupBy=operator', supervisor));
    }
  }
}
