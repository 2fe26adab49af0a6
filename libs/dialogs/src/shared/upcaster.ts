/** A stored payload as JSON gave it back: upcasters cannot trust it to match any type. */
export type StoredPayload = Readonly<Record<string, unknown>>;

/**
 * Turns the `data` of one event type from `fromVersion` into `fromVersion + 1`, given the
 * stored metadata too (who acted lives there). Pure, so that reading old events never depends
 * on anything but the event itself.
 */
export type EventUpcaster = Readonly<{
  type: string;
  fromVersion: number;
  upcast(data: StoredPayload, metadata: StoredPayload): Record<string, unknown>;
}>;
