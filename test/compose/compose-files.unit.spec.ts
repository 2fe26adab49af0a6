// Checks the container setup in docker/ without a Docker engine: both Compose files are parsed,
// merged and interpolated here the way `docker compose -f docker-compose.yml -f
// docker-compose.cluster.yml` does for the parts they use, and the Dockerfile is read as text.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, load, mergeTag } from 'js-yaml';

const repoRoot = join(__dirname, '..', '..');
const dockerDir = join(repoRoot, 'docker');

// ---------------------------------------------------------------------------------------------
// Loading: YAML with merge keys (`<<: *anchor`) and Compose's `!override` / `!reset` tags.

type Yaml = unknown;
type Mapping = Record<string, Yaml>;

/** A value tagged `!override`: replaces what earlier files said instead of merging with it. */
class Override {
  constructor(readonly value: Yaml) {}
}
/** A value tagged `!reset`: removes what earlier files said. */
class Reset {}

function composeTags(tag: '!override' | '!reset', wrap: (value: Yaml) => Yaml) {
  return [
    defineMappingTag<Mapping, Yaml>(tag, {
      create: () => ({}),
      addPair: (carrier, key, value) => {
        carrier[String(key)] = value;
        return '';
      },
      has: (carrier, key) => Object.hasOwn(carrier, String(key)),
      keys: () => [],
      get: () => undefined,
      finalize: (carrier) => wrap(carrier),
      identify: () => false,
    }),
    defineSequenceTag<Yaml[], Yaml>(tag, {
      create: () => [],
      addItem: (carrier, item) => {
        carrier.push(item);
      },
      finalize: (carrier) => wrap(carrier),
      identify: () => false,
    }),
    defineScalarTag<Yaml>(tag, { resolve: (source) => wrap(source), identify: () => false }),
  ];
}

const composeSchema = CORE_SCHEMA.withTags(mergeTag, ...composeTags('!override', (value) => new Override(value)), ...composeTags('!reset', () => new Reset()));

function readComposeFile(name: string): Mapping {
  return asMapping(load(readFileSync(join(dockerDir, name), 'utf8'), { schema: composeSchema }), name);
}

function isMapping(value: Yaml): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Override) && !(value instanceof Reset);
}

function asMapping(value: Yaml, what: string): Mapping {
  if (!isMapping(value)) throw new Error(`${what} is not a mapping`);
  return value;
}

function asList(value: Yaml, what: string): Yaml[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

function asString(value: Yaml, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} is not a string: ${JSON.stringify(value)}`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Merging (https://docs.docker.com/reference/compose-file/merge/), for what these files use:
// mappings merge key by key; sequences append, except command, entrypoint and healthcheck.test,
// which the later file replaces; service volumes are unique by their target path.

const REPLACED = new Set(['command', 'entrypoint', 'test']);

function merge(base: Yaml, later: Yaml, key = ''): Yaml {
  if (later instanceof Override) return unwrap(later.value);
  if (later instanceof Reset) return undefined;
  if (isMapping(base) && isMapping(later)) {
    const merged: Mapping = { ...base };
    for (const [k, value] of Object.entries(later)) {
      const next = k in merged ? merge(merged[k], value, k) : unwrap(value);
      if (next === undefined) delete merged[k];
      else merged[k] = next;
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(later) && !REPLACED.has(key)) {
    if (key === 'volumes') {
      const targets = new Set(later.map(volumeTarget));
      return [...base.filter((entry) => !targets.has(volumeTarget(entry))), ...later];
    }
    return [...base, ...later];
  }
  return unwrap(later);
}

function unwrap(value: Yaml): Yaml {
  if (value instanceof Override) return unwrap(value.value);
  if (Array.isArray(value)) return value.map(unwrap);
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
  return value;
}

function volumeTarget(entry: Yaml): string {
  if (typeof entry === 'string') return entry.split(':')[1] ?? entry;
  return asString(asMapping(entry, 'volume').target, 'volume target');
}

// ---------------------------------------------------------------------------------------------
// Interpolation (https://docs.docker.com/reference/compose-file/interpolation/): `$$` is a
// literal `$`; `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`.

type Environment = Record<string, string | undefined>;

function interpolate(value: Yaml, env: Environment): Yaml {
  if (typeof value === 'string') return interpolateString(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolate(item, env));
  if (isMapping(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)]));
  return value;
}

function interpolateString(text: string, env: Environment): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name?: string, colon?: string, operator?: string, argument?: string, bare?: string) => {
      if (match === '$$') return '$';
      if (bare !== undefined) return env[bare] ?? '';
      const current = env[name!];
      const missing = colon ? current === undefined || current === '' : current === undefined;
      if (operator === '-') return missing ? argument! : current!;
      if (operator === '?') {
        if (missing) throw new Error(`required variable ${name} is missing a value: ${argument}`);
        return current!;
      }
      return current ?? '';
    },
  );
}

/** What `docker compose -f <files...> config` would see, with the given environment. */
function composeModel(files: readonly string[], env: Environment): Mapping {
  const merged = files.map(readComposeFile).reduce<Yaml>((model, file) => merge(model, file), {});
  return asMapping(interpolate(merged, env), 'model');
}

// ---------------------------------------------------------------------------------------------
// Reading services.

const JWT = { JWT_SECRET: 'a-private-secret-of-thirty-two-characters-or-more' };
const SINGLE = ['docker-compose.yml'];
const CLUSTER = ['docker-compose.yml', 'docker-compose.cluster.yml'];

function servicesOf(model: Mapping): Mapping {
  return asMapping(model.services, 'services');
}

function service(model: Mapping, name: string): Mapping {
  return asMapping(servicesOf(model)[name], `service ${name}`);
}

/** Services `docker compose up` starts with the given profiles enabled. */
function activeServices(model: Mapping, profiles: readonly string[] = []): string[] {
  return Object.entries(servicesOf(model))
    .filter(([, definition]) => {
      const own = asMapping(definition, 'service').profiles;
      return own === undefined || asList(own, 'profiles').some((profile) => profiles.includes(asString(profile, 'profile')));
    })
    .map(([name]) => name)
    .sort();
}

function environmentOf(definition: Mapping): Record<string, string> {
  const raw = definition.environment;
  if (raw === undefined) return {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry) => {
        const [key, ...rest] = asString(entry, 'environment entry').split('=');
        return [key, rest.join('=')];
      }),
    );
  }
  return Object.fromEntries(Object.entries(asMapping(raw, 'environment')).map(([k, v]) => [k, String(v)]));
}

/** A KurrentDB setting under its current prefix, or EventStoreDB's older one. */
function storeSetting(env: Record<string, string>, name: string): string | undefined {
  return env[`KURRENTDB_${name}`] ?? env[`EVENTSTORE_${name}`];
}

function dependsOn(definition: Mapping): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asMapping(definition.depends_on, 'depends_on')).map(([name, spec]) => [
      name,
      asString(asMapping(spec, `depends_on.${name}`).condition, `depends_on.${name}.condition`),
    ]),
  );
}

function healthcheckTest(definition: Mapping): string {
  const test = asMapping(definition.healthcheck, 'healthcheck').test;
  return Array.isArray(test) ? test.map(String).join(' ') : asString(test, 'healthcheck.test');
}

interface PortMapping {
  ip?: string;
  host?: string;
  container: string;
}

function portsOf(definition: Mapping): PortMapping[] {
  return (definition.ports === undefined ? [] : asList(definition.ports, 'ports')).map((entry) => {
    const parts = asString(entry, 'port').split(':');
    const container = parts.pop()!;
    const host = parts.pop();
    return { ip: parts.length ? parts.join(':') : undefined, host, container };
  });
}

function namedVolumes(definition: Mapping): string[] {
  return (definition.volumes === undefined ? [] : asList(definition.volumes, 'volumes'))
    .map((entry) => (typeof entry === 'string' ? entry.split(':')[0] : asString(asMapping(entry, 'volume').source, 'volume source')))
    .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
}

/** Hosts (several are gossip seeds), user and parameters of an `esdb://` connection string. */
function connectionString(url: string): { scheme: string; user?: { username: string; password: string }; hosts: string[]; params: URLSearchParams } {
  const match = /^(esdb(?:\+discover)?|kurrentdb(?:\+discover)?):\/\/(?:([^:@/]*):([^@/]*)@)?([^/?]+)\/?(?:\?(.*))?$/.exec(url);
  if (!match) throw new Error(`not an EventStoreDB connection string: ${url}`);
  const user = match[2] === undefined ? undefined : { username: decodeURIComponent(match[2]), password: decodeURIComponent(match[3]) };
  return { scheme: match[1], user, hosts: match[4].split(','), params: new URLSearchParams(match[5] ?? '') };
}

// ---------------------------------------------------------------------------------------------

describe('docker/docker-compose.yml (single node, local use)', () => {
  const model = composeModel(SINGLE, JWT);
  const apps = ['api', 'projector'];

  it('defines the event store, PostgreSQL, the API and the projector, and a proxy only in the scale profile', () => {
    expect(Object.keys(servicesOf(model)).sort()).toEqual(['api', 'eventstoredb', 'postgres', 'projector', 'proxy']);
    expect(activeServices(model)).toEqual(['api', 'eventstoredb', 'postgres', 'projector']);
    expect(activeServices(model, ['scale'])).toContain('proxy');
  });

  it('runs one insecure EventStoreDB (KurrentDB) node of a pinned release, with system projections for $ce-dialog', () => {
    const node = service(model, 'eventstoredb');
    expect(asString(node.image, 'image')).toMatch(/^docker\.kurrent\.io\/kurrent-lts\/kurrentdb:\d+\.\d+\.\d+$/);
    const env = environmentOf(node);
    expect(storeSetting(env, 'CLUSTER_SIZE')).toBe('1');
    expect(storeSetting(env, 'INSECURE')).toBe('true');
    expect(['System', 'All']).toContain(storeSetting(env, 'RUN_PROJECTIONS'));
    expect(storeSetting(env, 'START_STANDARD_PROJECTIONS')).toBe('true');
    expect(healthcheckTest(node)).toMatch(/http:\/\/localhost:2113\/health\/live/);
    expect(node.restart).toBe('unless-stopped');
  });

  it('publishes the insecure node to loopback only', () => {
    expect(portsOf(service(model, 'eventstoredb'))).toEqual([{ ip: '127.0.0.1', host: '2113', container: '2113' }]);
  });

  it('runs PostgreSQL 16 or later with a named volume at the data path of its image and a pg_isready health check', () => {
    const postgres = service(model, 'postgres');
    const image = asString(postgres.image, 'image');
    const major = Number(/^postgres:(\d+)/.exec(image)?.[1]);
    expect(major).toBeGreaterThanOrEqual(16);
    const target = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    expect(asList(postgres.volumes, 'volumes')).toContain(`postgres-data:${target}`);
    expect(healthcheckTest(postgres)).toMatch(/pg_isready/);
    expect(postgres.restart).toBe('unless-stopped');
    expect(postgres.ports).toBeUndefined();
  });

  it.each(apps)('builds %s from docker/Dockerfile with the repository as context', (name) => {
    const build = asMapping(service(model, name).build, 'build');
    expect(build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    const context = join(dockerDir, asString(build.context, 'context'));
    expect(existsSync(join(context, asString(build.dockerfile, 'dockerfile')))).toBe(true);
    expect(existsSync(join(context, 'package-lock.json'))).toBe(true);
    expect(service(model, name).image).toBe(service(model, 'api').image);
  });

  it('runs the API and the projector apart, with the entry points the build produces', () => {
    expect(service(model, 'api').command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(service(model, 'projector').command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    for (const name of apps) {
      expect(service(model, name).restart).toBe('unless-stopped');
      expect(service(model, name).init).toBe(true);
    }
  });

  it.each(apps)('starts %s once PostgreSQL and the event store are healthy', (name) => {
    expect(dependsOn(service(model, name))).toEqual({ postgres: 'service_healthy', eventstoredb: 'service_healthy' });
  });

  it('gives every service waited for as healthy a health check', () => {
    for (const name of activeServices(model, ['scale'])) {
      const definition = service(model, name);
      if (definition.depends_on === undefined) continue;
      for (const [dependency, condition] of Object.entries(dependsOn(definition))) {
        if (condition === 'service_healthy') expect(service(model, dependency).healthcheck).toBeDefined();
      }
    }
  });

  it.each(apps)('configures %s for EventStoreDB and the postgres service', (name) => {
    const env = environmentOf(service(model, name));
    expect(env.NODE_ENV).toBe('production');
    expect(env.EVENT_STORE).toBe('eventstoredb');
    const esdb = connectionString(env.EVENTSTOREDB_URL);
    expect(esdb.hosts).toEqual(['eventstoredb:2113']);
    expect(esdb.params.get('tls')).toBe('false');

    const database = new URL(env.DATABASE_URL);
    expect(database.protocol).toBe('postgres:');
    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    const postgresEnv = environmentOf(service(model, 'postgres'));
    expect(decodeURIComponent(database.username)).toBe(postgresEnv.POSTGRES_USER);
    expect(decodeURIComponent(database.password)).toBe(postgresEnv.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgresEnv.POSTGRES_DB}`);
  });

  it('keeps the PostgreSQL password in one variable for the server and the apps', () => {
    const withPassword = composeModel(SINGLE, { ...JWT, POSTGRES_PASSWORD: 'another' });
    expect(environmentOf(service(withPassword, 'postgres')).POSTGRES_PASSWORD).toBe('another');
    expect(new URL(environmentOf(service(withPassword, 'api')).DATABASE_URL).password).toBe('another');
  });

  it('requires JWT_SECRET from the environment, with no default in the file, for the API only', () => {
    const raw = asMapping(asMapping(readComposeFile('docker-compose.yml').services, 'services').api, 'api');
    expect(environmentOf(raw).JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    expect(() => composeModel(SINGLE, {})).toThrow(/JWT_SECRET/);
    expect(() => composeModel(SINGLE, { JWT_SECRET: '' })).toThrow(/JWT_SECRET/);
    expect(environmentOf(service(model, 'api')).JWT_SECRET).toBe(JWT.JWT_SECRET);
    expect(environmentOf(service(model, 'projector')).JWT_SECRET).toBeUndefined();
  });

  it('serves the API on port 3000, published on 3000 unless API_PORT says otherwise', () => {
    expect(environmentOf(service(model, 'api')).PORT).toBe('3000');
    expect(portsOf(service(model, 'api'))).toEqual([{ ip: undefined, host: '3000', container: '3000' }]);
    const ranged = composeModel(SINGLE, { ...JWT, API_PORT: '3000-3002' });
    expect(portsOf(service(ranged, 'api'))).toEqual([{ ip: undefined, host: '3000-3002', container: '3000' }]);
    expect(portsOf(service(model, 'projector'))).toEqual([]);
  });

  it('checks the API with Node fetch on /health (the slim image has no curl)', () => {
    const api = service(model, 'api');
    const test = asList(asMapping(api.healthcheck, 'healthcheck').test, 'test');
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toMatch(/fetch\('http:\/\/(localhost|127\.0\.0\.1):3000\/health'/);
    expect(test[3]).toMatch(/process\.exit\(r\.ok \? 0 : 1\)/);
  });

  it('balances the scale profile over every API replica through Docker DNS', () => {
    const proxy = service(model, 'proxy');
    expect(proxy.profiles).toEqual(['scale']);
    expect(dependsOn(proxy)).toEqual({ api: 'service_healthy' });
    expect(portsOf(proxy)).toEqual([{ ip: undefined, host: '8080', container: '8080' }]);
    const conf = asString(asMapping(asMapping(model.configs, 'configs')['proxy-conf'], 'proxy-conf').content, 'content');
    expect(conf).toContain('resolver 127.0.0.11');
    expect(conf).toMatch(/set \$api_upstream http:\/\/api:3000;/);
    expect(conf).toContain('proxy_pass $api_upstream;');
    expect(conf).not.toContain('$$');
  });

  it('declares every named volume it mounts', () => {
    const declared = Object.keys(asMapping(model.volumes, 'volumes'));
    const used = Object.values(servicesOf(model)).flatMap((definition) => namedVolumes(asMapping(definition, 'service')));
    expect(used.length).toBeGreaterThan(0);
    for (const volume of used) expect(declared).toContain(volume);
    expect(namedVolumes(service(model, 'eventstoredb'))).toContain('eventstoredb-data');
  });
});

describe('docker/docker-compose.cluster.yml (three nodes, as an override)', () => {
  const raw = readComposeFile('docker-compose.cluster.yml');
  const model = composeModel(CLUSTER, JWT);
  const nodes = ['node1', 'node2', 'node3'];

  it('is an override of the single-node file under its own project name', () => {
    expect(raw.name).toBeDefined();
    expect(model.name).not.toBe(composeModel(SINGLE, JWT).name);
  });

  it('replaces the single node by three nodes', () => {
    expect(activeServices(model)).toEqual(['api', 'node1', 'node2', 'node3', 'postgres', 'projector']);
    expect(activeServices(model, ['scale'])).not.toContain('eventstoredb');
  });

  it.each(nodes)('runs %s as a member of an insecure three-node cluster with its own volume and health check', (name) => {
    const node = service(model, name);
    expect(node.image).toBe(service(model, 'eventstoredb').image);
    const env = environmentOf(node);
    expect(storeSetting(env, 'CLUSTER_SIZE')).toBe('3');
    expect(storeSetting(env, 'INSECURE')).toBe('true');
    expect(storeSetting(env, 'DISCOVER_VIA_DNS')).toBe('false');
    expect(storeSetting(env, 'NODE_HOST_ADVERTISE_AS')).toBe(name);
    expect(storeSetting(env, 'REPLICATION_IP')).toBe('0.0.0.0');
    expect(storeSetting(env, 'START_STANDARD_PROJECTIONS')).toBe('true');
    expect(healthcheckTest(node)).toMatch(/\/health\/live/);
    expect(namedVolumes(node)).toEqual([`${name}-data`, `${name}-logs`]);
    for (const port of portsOf(node)) expect(port.ip).toBe('127.0.0.1');
  });

  it('has every node gossip with the two others', () => {
    for (const name of nodes) {
      const seeds = (storeSetting(environmentOf(service(model, name)), 'GOSSIP_SEED') ?? '').split(',').sort();
      expect(seeds).toEqual(nodes.filter((other) => other !== name).map((other) => `${other}:2113`));
    }
  });

  it.each(['api', 'projector'])('points %s at all three nodes and waits for them instead of the single node', (name) => {
    const app = service(model, name);
    const esdb = connectionString(environmentOf(app).EVENTSTOREDB_URL);
    expect(esdb.hosts.sort()).toEqual(['node1:2113', 'node2:2113', 'node3:2113']);
    expect(esdb.params.get('tls')).toBe('false');
    expect(dependsOn(app)).toEqual({
      postgres: 'service_healthy',
      node1: 'service_healthy',
      node2: 'service_healthy',
      node3: 'service_healthy',
    });
    expect(asMapping(asMapping(raw.services, 'services')[name], name).depends_on).toBeInstanceOf(Override);
    // The rest of the app's configuration comes from the base file.
    expect(environmentOf(app).EVENT_STORE).toBe('eventstoredb');
    expect(new URL(environmentOf(app).DATABASE_URL).hostname).toBe('postgres');
    expect(app.command).toEqual(service(composeModel(SINGLE, JWT), name).command);
  });

  it('still requires JWT_SECRET', () => {
    expect(() => composeModel(CLUSTER, {})).toThrow(/JWT_SECRET/);
  });

  it('publishes no host port twice and declares every named volume', () => {
    const active = activeServices(model, ['scale']);
    const hostPorts = active.flatMap((name) => portsOf(service(model, name)).map((port) => port.host));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    const declared = Object.keys(asMapping(model.volumes, 'volumes'));
    for (const name of active) for (const volume of namedVolumes(service(model, name))) expect(declared).toContain(volume);
  });
});

describe.each([
  ['docker/docker-compose.secure.yml (one secure node)', ['docker-compose.yml', 'docker-compose.secure.yml'], ['eventstoredb']],
  [
    'docker/docker-compose.secure-cluster.yml (three secure nodes)',
    ['docker-compose.yml', 'docker-compose.cluster.yml', 'docker-compose.secure.yml', 'docker-compose.secure-cluster.yml'],
    ['node1', 'node2', 'node3'],
  ],
])('%s', (_, files, nodes) => {
  const secrets = {
    ...JWT,
    EVENTSTOREDB_ADMIN_PASSWORD: 'admin0123456789abcdef',
    EVENTSTOREDB_OPS_PASSWORD: 'ops0123456789abcdef',
    SWITCHBOARD_EVENTSTOREDB_PASSWORD: 'app0123456789abcdef',
  };
  const model = composeModel(files, secrets);
  const apps = ['api', 'projector'];
  const certificates = service(model, 'eventstoredb-certificates');
  const setup = service(model, 'eventstoredb-setup');
  const script = asString(asList(certificates.command, 'command')[0], 'command');
  /** Where a service mounts a named volume, e.g. `/certs`. */
  const mountOf = (definition: Mapping, volume: string): string | undefined =>
    (definition.volumes === undefined ? [] : asList(definition.volumes, 'volumes'))
      .map((entry) => asString(entry, 'volume').split(':'))
      .find(([source]) => source === volume)?.[1];

  it('runs the certificate generator, the nodes, the setup, PostgreSQL and the apps, under a project name of its own', () => {
    expect(activeServices(model)).toEqual(['api', 'eventstoredb-certificates', 'eventstoredb-setup', ...nodes, 'postgres', 'projector'].sort());
    expect(model.name).not.toBe(composeModel(SINGLE, JWT).name);
    expect(model.name).not.toBe(composeModel(CLUSTER, JWT).name);
  });

  it('makes the CA and one certificate per node with the official es-gencert-cli image, the node names among the subject alternative names', () => {
    expect(asString(certificates.image, 'image')).toMatch(/(^|\/)es-gencert-cli:\d+(\.\d+)*$/);
    expect(script).toMatch(/es-gencert-cli create-ca -out \/certs\/ca/);
    expect(script).toMatch(/es-gencert-cli create-node -ca-certificate \/certs\/ca\/ca\.crt -ca-key \/certs\/ca\/ca\.key/);
    expect(script).toMatch(/-dns-names "\$node,localhost"/);
    expect(script).toMatch(/-ip-addresses 127\.0\.0\.1/);
    expect(environmentOf(certificates).EVENTSTOREDB_NODES.split(' ')).toEqual(nodes);
    expect(certificates.restart).toBe('no');
    // Keeps what exists, so a restart does not replace the certificates the nodes trust.
    expect(script).toMatch(/\[ -f \/certs\/ca\/ca\.crt \] \|\|/);
    expect(script).toMatch(/chmod 0600 \/certs\/ca\/ca\.key/);
    expect(mountOf(certificates, 'eventstoredb-certs')).toBe('/certs');
    expect(mountOf(certificates, 'eventstoredb-ca')).toBe('/ca');
    expect(script).toContain('cp /certs/ca/ca.crt /ca/ca.crt');
    expect(Object.keys(asMapping(model.volumes, 'volumes'))).toEqual(expect.arrayContaining(['eventstoredb-certs', 'eventstoredb-ca']));
  });

  it.each(nodes)('runs %s with TLS, its own certificate, the CA, the admin and ops passwords from the environment, and system projections', (name) => {
    const node = service(model, name);
    const env = environmentOf(node);
    expect(storeSetting(env, 'INSECURE')).toBe('false');
    expect(storeSetting(env, 'CERTIFICATE_FILE')).toBe(`/certs/${name}/node.crt`);
    expect(storeSetting(env, 'CERTIFICATE_PRIVATE_KEY_FILE')).toBe(`/certs/${name}/node.key`);
    expect(storeSetting(env, 'TRUSTED_ROOT_CERTIFICATES_PATH')).toBe('/certs/trusted');
    expect(mountOf(node, 'eventstoredb-certs')).toBe('/certs');
    expect(script).toContain('cp /certs/ca/ca.crt /certs/trusted/ca.crt');
    expect(storeSetting(env, 'DEFAULT_ADMIN_PASSWORD')).toBe(secrets.EVENTSTOREDB_ADMIN_PASSWORD);
    expect(storeSetting(env, 'DEFAULT_OPS_PASSWORD')).toBe(secrets.EVENTSTOREDB_OPS_PASSWORD);
    expect(storeSetting(env, 'ENABLE_ATOM_PUB_OVER_HTTP')).toBe('false');
    expect(storeSetting(env, 'RUN_PROJECTIONS')).toBe('System');
    expect(storeSetting(env, 'START_STANDARD_PROJECTIONS')).toBe('true');
    expect(healthcheckTest(node)).toMatch(/--cacert \/certs\/trusted\/ca\.crt https:\/\/localhost:2113\/health\/live/);
    expect(dependsOn(node)).toEqual({ 'eventstoredb-certificates': 'service_completed_successfully' });
  });

  it('requires every password from the environment, with no default in the files', () => {
    for (const name of ['EVENTSTOREDB_ADMIN_PASSWORD', 'EVENTSTOREDB_OPS_PASSWORD', 'SWITCHBOARD_EVENTSTOREDB_PASSWORD']) {
      expect(() => composeModel(files, { ...secrets, [name]: undefined })).toThrow(new RegExp(name));
    }
  });

  it('creates the switchboard user and grants it $all as admin, with the setup command the build produces, once the nodes are healthy', () => {
    expect(setup.command).toEqual(['node', 'dist/apps/projector/src/cli/eventstoredb-setup.cli.js']);
    expect(existsSync(join(repoRoot, 'apps/projector/src/cli/eventstoredb-setup.cli.ts'))).toBe(true);
    expect(setup.build).toEqual(service(model, 'api').build);
    expect(setup.image).toBe(service(model, 'api').image);
    const env = environmentOf(setup);
    const admin = connectionString(env.EVENTSTOREDB_ADMIN_URL);
    expect(admin.user).toEqual({ username: 'admin', password: secrets.EVENTSTOREDB_ADMIN_PASSWORD });
    expect(admin.hosts).toEqual(nodes.map((node) => `${node}:2113`));
    expect(env.EVENTSTOREDB_HTTP_URL).toBe(`https://${nodes[0]}:2113`);
    expect(env.EVENTSTOREDB_URL).toBe(environmentOf(service(model, 'api')).EVENTSTOREDB_URL);
    expect(mountOf(setup, 'eventstoredb-ca')).toBe('/ca');
    expect(dependsOn(setup)).toEqual(Object.fromEntries(nodes.map((node) => [node, 'service_healthy'])));
    expect(setup.restart).toBe('no');
  });

  it.each(apps)('connects %s as switchboard, without admin rights, over TLS trusting the CA, once the setup succeeded', (name) => {
    const app = service(model, name);
    const esdb = connectionString(environmentOf(app).EVENTSTOREDB_URL);
    expect(esdb.user).toEqual({ username: 'switchboard', password: secrets.SWITCHBOARD_EVENTSTOREDB_PASSWORD });
    expect(esdb.hosts).toEqual(nodes.map((node) => `${node}:2113`));
    expect(esdb.params.get('tls')).toBe('true');
    const caFile = esdb.params.get('tlsCAFile') ?? '';
    const mount = mountOf(app, 'eventstoredb-ca');
    expect(mount).toBe('/ca');
    expect(caFile).toBe(`${mount}/ca.crt`);
    expect(dependsOn(app)).toMatchObject({ 'eventstoredb-setup': 'service_completed_successfully', postgres: 'service_healthy' });
    for (const node of nodes) expect(dependsOn(app)[node]).toBe('service_healthy');
    expect(environmentOf(app).EVENT_STORE).toBe('eventstoredb');
  });

  it('gives every service waited for as healthy a health check, and declares every named volume', () => {
    const declared = Object.keys(asMapping(model.volumes, 'volumes'));
    for (const name of activeServices(model, ['scale'])) {
      const definition = service(model, name);
      for (const volume of namedVolumes(definition)) expect(declared).toContain(volume);
      if (definition.depends_on === undefined) continue;
      for (const [dependency, condition] of Object.entries(dependsOn(definition))) {
        expect(activeServices(model, ['scale'])).toContain(dependency);
        if (condition === 'service_healthy') expect(service(model, dependency).healthcheck).toBeDefined();
      }
    }
  });
});

describe('docker/Dockerfile', () => {
  const lines = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push([line]);
    else stages.at(-1)?.push(line);
  }

  it('has a build stage and a runtime stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0][0]).toMatch(/\sAS\s+build$/i);
  });

  it('installs exactly the lockfile with npm ci', () => {
    const build = stages[0].join('\n');
    expect(build).toMatch(/COPY package\.json package-lock\.json/);
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toMatch(/npm run build/);
  });

  it('runs as a non-root user, from the build stage output only', () => {
    const runtime = stages.at(-1)!;
    const users = runtime.filter((line) => /^USER\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
    expect(runtime.some((line) => /^COPY --from=build /.test(line))).toBe(true);
    expect(runtime.some((line) => /^RUN npm (ci|install)\b/.test(line))).toBe(false);
    expect(runtime.find((line) => /^CMD\s/.test(line))).toContain('dist/apps/switchboard/src/main.js');
  });
});
