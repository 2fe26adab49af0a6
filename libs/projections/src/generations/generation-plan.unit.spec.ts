import type { Generation } from './generation-catalog';
import { planGeneration } from './generation-plan';
import { shapeOf, type VersionedProjection } from './read-model';

const projection = (version: number, ddl = ['CREATE TABLE t (id text)']): VersionedProjection => ({
  name: 'read-models.t',
  readModel: { version, tables: ['t'], ddl },
  handle: async () => undefined,
});

const generation = (of: VersionedProjection, number: number, status: Generation['status']): Generation => ({
  projection: of.name,
  generation: number,
  version: of.readModel.version,
  shape: shapeOf(of.readModel),
  schema: `rm_t_g${number}`,
  status,
  createdAt: new Date(0),
  liveAt: status === 'live' ? new Date(0) : null,
});

describe('planGeneration', () => {
  const v1 = projection(1);
  const v2 = projection(2);
  const v2WithOtherTables = projection(2, ['CREATE TABLE t (id text, n int)']);
  const v1WithOtherTables = projection(1, ['CREATE TABLE t (id text, n int)']);

  it.each([
    ['the same code: run, nothing to build', v1, generation(v1, 1, 'live'), [], { runLive: true, build: false }],
    [
      'an interrupted rebuild of the same code: run and resume it',
      v1,
      generation(v1, 1, 'live'),
      [generation(v1, 2, 'building')],
      { runLive: true, build: true },
    ],
    ['a new version, same tables: keep the live one current and build', v2, generation(v1, 1, 'live'), [], { runLive: true, build: true }],
    [
      'a new version, other tables: serve the live one as it stands and build',
      v2WithOtherTables,
      generation(v1, 1, 'live'),
      [],
      { runLive: false, build: true },
    ],
    ['older code than the live generation: leave it to the newer code', v1, generation(v2, 3, 'live'), [], { runLive: false, build: false }],
    [
      'older code while the newer builds: keep running, do not build',
      v1,
      generation(v1, 1, 'live'),
      [generation(v2, 2, 'building')],
      { runLive: true, build: false },
    ],
    [
      'tables changed without a version bump: build, do not write the old tables',
      v1WithOtherTables,
      generation(v1, 1, 'live'),
      [],
      { runLive: false, build: true },
    ],
  ])('%s', (_, code, live, building, expected) => {
    expect(planGeneration(live, building, code)).toMatchObject(expected);
  });
});
