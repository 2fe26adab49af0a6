// The domain refuses an occurredAt earlier than the dialog's last event, so a negative difference
// only comes from events recorded around the decider (imports, hand fixes). Such a difference
// is clamped to zero rather than kept: a negative wait is meaningless and would silently pull
// down every sum, mean and percentile the dialog takes part in, while the raw dates stay in the
// output for whoever investigates.
export function elapsedMs(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return Math.max(0, Date.parse(to) - Date.parse(from));
}
