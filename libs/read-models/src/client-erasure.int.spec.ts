import { personalDataCatalogue } from '@switchboard/dialogs';
import { ERASED, PersonalDataEventStore } from '@switchboard/event-store';
import {
  admin,
  allProjections,
  catchUp,
  dialogs,
  rebuild,
  snapshotReadModels,
  startTestKit,
  SupportScript,
  writeSupportScenario,
  type ReadModelsTestKit,
} from '@switchboard/read-models/testing';

// The support scenario's words of Ann Lee (the refund dialog), and of a dialog written before sealing began.
const annWords = ['Ann Lee', 'order 1234', 'Courier lost the parcel', 'change the address'];

/** A client's erasure in the read models: its rows scrubbed live, and a rebuild writing the very same tables. */
describe('client erasure in the read models', () => {
  let kit: ReadModelsTestKit;
  const projections = allProjections();
  const dump = async () => JSON.stringify(await snapshotReadModels(kit.pool));

  const erase = async (clientId: string) => {
    const { erasures, streams } = await (kit.store as PersonalDataEventStore).erase(clientId, [], new Date());
    expect(erasures).toBe(1);
    const dialogIds = streams.map((stream) => stream.slice('dialog-'.length));
    await new SupportScript(kit.store).clientErased({ clientId, reason: 'Asked to be forgotten' }, { erasures, dialogIds }, { actor: admin, minute: 60 });
  };

  beforeAll(async () => {
    kit = await startTestKit(personalDataCatalogue);
    await writeSupportScenario(new SupportScript(kit.store));
    await catchUp(kit, projections);
  });
  afterAll(() => kit.close());

  it('keeps the words out of the log and shows them in the read models before the erasure', async () => {
    const { rows } = await kit.pool.query<{ all: string }>(`SELECT string_agg(e::text, ' ') AS all FROM event_store.events e`);
    for (const words of annWords) expect(rows[0].all).not.toContain(words);
    const before = await dump();
    for (const words of annWords) expect(before).toContain(words);
  });

  it('scrubs the erased client’s rows, search vectors included, and leaves the others and the timings alone', async () => {
    const timings = await kit.pool.query(`SELECT dialog_id, duration_ms, response_count, general_status FROM read_models.dialog_list ORDER BY dialog_id`);
    const { rows: carlBefore } = await kit.pool.query(`SELECT client_name, search::text FROM read_models.dialog_list WHERE dialog_id = $1`, [dialogs.waiting]);
    await erase('client-ann-lee');
    await catchUp(kit, projections);

    const after = await dump();
    for (const words of annWords) expect(after).not.toContain(words);
    const { rows } = await kit.pool.query(`SELECT client_name, search::text AS search FROM read_models.dialog_list WHERE dialog_id = $1`, [dialogs.refund]);
    expect(rows).toEqual([{ client_name: ERASED, search: '' }]);
    const texts = await kit.pool.query(`SELECT DISTINCT text FROM read_models.dialog_messages WHERE dialog_id = $1 AND kind <> 'system'`, [dialogs.refund]);
    expect(texts.rows).toEqual([{ text: ERASED }]);
    expect(
      (await kit.pool.query(`SELECT dialog_id, duration_ms, response_count, general_status FROM read_models.dialog_list ORDER BY dialog_id`)).rows,
    ).toEqual(timings.rows);
    expect((await kit.pool.query(`SELECT client_name, search::text FROM read_models.dialog_list WHERE dialog_id = $1`, [dialogs.waiting])).rows).toEqual(
      carlBefore,
    );
  });

  it('rebuilds to exactly the tables the live projections left', async () => {
    const live = await snapshotReadModels(kit.pool);
    await rebuild(kit, allProjections(), 7);
    expect(await snapshotReadModels(kit.pool)).toEqual(live);
  });
});
