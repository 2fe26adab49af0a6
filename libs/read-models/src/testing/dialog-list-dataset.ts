import type { Pool } from 'pg';
import { insertDialog } from './read-model-rows';

/** Dialog ids that sort as their number, so tie-breaks by id can be stated by hand. */
export const dialogIdOf = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const d = {
  d1: dialogIdOf(1),
  d2: dialogIdOf(2),
  d3: dialogIdOf(3),
  d4: dialogIdOf(4),
  d5: dialogIdOf(5),
  d6: dialogIdOf(6),
  d7: dialogIdOf(7),
};

const at = (time: string): string => `2024-03-01T${time}:00Z`;

/**
 * Seven dialogs covering every filter once or twice, with ties (d1 and d6 changed at the same
 * instant, d3 and d4 waited as long) and nulls (d7 never changed, d4 has no client name).
 * Op-a is assigned d2 and d6, takes part in d3; d1 and d5 are unassigned.
 */
export async function insertDialogListDataset(pool: Pool): Promise<void> {
  await insertDialog(pool, {
    dialog_id: d.d1,
    number: 101,
    client_name: 'Kim Lee',
    search_text: 'Kim Lee where is my order',
    created_at: at('09:00'),
    last_changed_at: at('09:05'),
  });
  await insertDialog(pool, {
    dialog_id: d.d2,
    number: 102,
    channel: 'email',
    general_status: 'operator_answered',
    detailed_status: 'operator_answered',
    journal_status: 'active',
    assignee_id: 'op-a',
    client_name: 'Ann Smith',
    search_text: 'Ann Smith refund please',
    tags: ['vip', 'delivery'],
    created_at: at('09:10'),
    first_operator_reply_at: at('09:12'),
    last_changed_at: at('09:12'),
    wait_for_first_reply_ms: 120_000,
    wait_for_first_reply_business_ms: 0,
    crm_link: { kind: 'order', id: 'o-1', url: null },
  });
  await insertDialog(pool, {
    dialog_id: d.d3,
    number: 103,
    line_id: 'sales',
    detailed_status: 'client_waiting_new_question',
    journal_status: 'active',
    assignee_id: 'op-b',
    participants: ['op-a'],
    client_name: 'Bob',
    search_text: 'Bob invoice',
    tags: ['vip'],
    created_at: at('09:20'),
    last_changed_at: at('09:30'),
    wait_for_first_reply_ms: 60_000,
    wait_for_first_reply_business_ms: 60_000,
  });
  await insertDialog(pool, {
    dialog_id: d.d4,
    number: 104,
    line_id: 'sales',
    channel: 'whatsapp',
    general_status: 'closed',
    detailed_status: 'closed',
    journal_status: 'inactive',
    assignee_id: 'op-b',
    client_name: null,
    search_text: 'delivery late',
    tags: ['delivery'],
    client_rating: 5,
    created_at: at('09:30'),
    closed_at: at('10:00'),
    last_changed_at: at('10:00'),
    wait_for_first_reply_ms: 60_000,
  });
  await insertDialog(pool, {
    dialog_id: d.d5,
    number: 105,
    general_status: 'closed',
    detailed_status: 'spam',
    journal_status: 'inactive',
    is_spam: true,
    client_name: 'Spammer',
    search_text: 'Spammer buy now',
    created_at: at('09:40'),
    closed_at: at('09:45'),
    last_changed_at: at('09:45'),
  });
  await insertDialog(pool, {
    dialog_id: d.d6,
    number: 106,
    detailed_status: 'in_work',
    journal_status: 'active',
    assignee_id: 'op-a',
    client_name: 'Zoe',
    search_text: 'Zoe hello',
    created_at: at('09:50'),
    last_changed_at: at('09:05'),
    wait_for_first_reply_ms: 30_000,
  });
  await insertDialog(pool, {
    dialog_id: d.d7,
    number: 107,
    channel: 'email',
    detailed_status: 'queued',
    journal_status: 'active',
    assignee_id: 'op-c',
    client_name: 'Carl',
    search_text: 'Carl question',
    created_at: at('10:00'),
    last_changed_at: null,
  });
}

export const allDialogs = Object.values(d);
/** What op-a sees: assigned to them (d2, d6), taking part (d3), unassigned (d1, d5). */
export const visibleToOpA = [d.d1, d.d2, d.d3, d.d5, d.d6];
