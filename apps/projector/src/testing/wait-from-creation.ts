import { DialogListProjection, type DialogListRow, type FoldedDialog } from '@switchboard/read-models';

export const current = new DialogListProjection().readModel;

/**
 * A changed metric definition: the next version of the dialog list measures the wait for the first
 * reply from the dialog's creation instead of from the client's first message.
 */
export class WaitFromCreation extends DialogListProjection {
  override readonly readModel = { ...current, version: current.version + 1 };

  protected override rowOf(dialog: FoldedDialog & { number: number }): DialogListRow {
    const row = super.rowOf(dialog);
    const waited = row.created_at && row.first_operator_reply_at ? Date.parse(row.first_operator_reply_at) - Date.parse(row.created_at) : null;
    return { ...row, wait_for_first_reply_ms: waited };
  }
}
