/**
 * The second Prisma oracle, on real history: a project's Prisma Migrate folder replayed into an empty
 * PostgreSQL database and introspected, against `prismaToModel` of the project's schema.prisma,
 * compared with `diffModels` (from = schema.prisma, to = the replayed database; no rename guessing).
 *
 * Every difference is one row `{ kind, object }`: `add X` = only the migrations made it, `drop X` = only
 * schema.prisma has it, `alter X (aspects)` = both have it and the aspects differ. The reviewed rows of
 * each project, with their reason and evidence, are `fixtures/prisma-history/<project>/expected.json`;
 * the reasons are defined once in `fixtures/prisma-history/reasons.json`. Shared by
 * `test/prisma-history.test.ts` (which fails on any row not reviewed, or reviewed and gone) and
 * `pnpm corpus` (which prints the table).
 *
 * NOTE: the schema comment `COMMENT ON SCHEMA public IS 'standard public schema'` comes from the
 * server's template database, not from either side, and is left out (as the first oracle does).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replay } from '@gander/introspect';
import { loadPrismaSchema } from '@gander/prisma';
import { changeSubject, diffModels } from '@gander/schema';
import pg from 'pg';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpora = join(root, '..', 'shared', 'corpora');
const fixtures = join(root, 'fixtures', 'prisma-history');

/**
 * The projects compared: name, Prisma Migrate folder, schema.prisma (absolute paths) and the reviewed
 * table's file. Each `fixtures/prisma-history/<project>/case.json` gives the two inputs relative to
 * `../shared/corpora`.
 *
 * @type {readonly { name: string; migrations: string; schema: string; expected: string }[]}
 */
export const prismaHistoryProjects = ['documenso', 'langfuse', 'hatchet-history'].map((name) => {
  const inputs = JSON.parse(readFileSync(join(fixtures, name, 'case.json'), 'utf8'));
  return {
    name,
    migrations: join(corpora, inputs.migrations),
    schema: join(corpora, inputs.schema),
    expected: join(fixtures, name, 'expected.json'),
  };
});

/** Reason keys to their text (`fixtures/prisma-history/reasons.json`). @type {() => Record<string, string>} */
export function prismaHistoryReasons() {
  return JSON.parse(readFileSync(join(fixtures, 'reasons.json'), 'utf8'));
}

/** The reviewed rows of a project: `[{ kind, object, reason, evidence }]`. */
export function reviewedRows(project) {
  return JSON.parse(readFileSync(project.expected, 'utf8'));
}

const label = (kind, aspects) => (aspects && aspects.length > 0 ? `${kind} (${aspects.join(', ')})` : kind);

/** The name of a table member in a nested change (`a -> b` for renames). */
function memberName(change) {
  const member = change.column ?? change.constraint ?? change.index ?? change.trigger;
  if (member) return member.name;
  return change.from.name === change.to.name ? change.from.name : `${change.from.name} -> ${change.to.name}`;
}

/**
 * One row per difference of a `diffModels` change set, in its order: `{ kind, object }`, where
 * `object` is the dotted path (`public.users.email`, `public.f(integer)`, `pg_trgm`) and `kind` the
 * change kind with the differing aspects (`alter column (notNull)`). A changed table gives one row per
 * member change, plus `alter table (aspects)` when table-level aspects differ.
 */
export function differenceRows(changes) {
  const rows = [];
  for (const change of changes) {
    const subject = changeSubject(change).name;
    if (change.kind === 'alter table' || change.kind === 'rename table' || change.kind === 'alter view') {
      const table =
        change.kind === 'rename table' ? `${subject} -> ${change.to.schema}.${change.to.name}` : subject;
      if (change.aspects.length > 0 || change.kind === 'rename table') {
        rows.push({ kind: label(change.kind, change.aspects), object: table });
      }
      for (const member of change.changes) {
        rows.push({ kind: label(member.kind, member.aspects), object: `${table}.${memberName(member)}` });
      }
      continue;
    }
    rows.push({ kind: label(change.kind, change.aspects), object: subject });
  }
  return rows;
}

/**
 * Replays `project.migrations` into the empty database at `databaseUrl`, maps `project.schema`, and
 * returns the difference rows with the counts behind them.
 *
 * @returns {Promise<{ migrations: number; statements: number; tables: number; rows: { kind: string; object: string }[] }>}
 * @throws GanderError `REPLAY_FAILED` (file:line:column) when a migration fails, or as
 *   `loadPrismaSchema` does for an invalid schema.
 */
export async function prismaHistory(project, databaseUrl) {
  const replayed = await replay(project.migrations, databaseUrl);
  const { schemaComments: _template, ...live } = replayed.model;
  const prisma = await loadPrismaSchema(project.schema);
  const changes = diffModels(prisma.model, live, { detectRenames: false });
  return {
    migrations: replayed.migrations,
    statements: replayed.statements,
    tables: live.tables.length,
    rows: differenceRows(changes),
  };
}

const rowKey = (row) => `${row.kind}\u0000${row.object}`;

/**
 * Matches found rows with reviewed ones: `table` (the found rows with their reason and evidence),
 * `unreviewed` (found, not in the reviewed table) and `gone` (reviewed, no longer found).
 */
export function reviewDifferences(found, reviewed) {
  const byKey = new Map(reviewed.map((row) => [rowKey(row), row]));
  const foundKeys = new Set(found.map(rowKey));
  return {
    table: found.map((row) => byKey.get(rowKey(row)) ?? { ...row, reason: 'NOT REVIEWED', evidence: '' }),
    unreviewed: found.filter((row) => !byKey.has(rowKey(row))),
    gone: reviewed.filter((row) => !foundKeys.has(rowKey(row))),
  };
}

/** Runs `fn(url)` on a new database created through `adminUrl`, dropped afterwards. */
export async function withScratchDatabase(adminUrl, fn) {
  const name = `gander_history_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * The "Prisma schema vs replayed migrations" section of `pnpm corpus`: per project, the counts and
 * the table (kind, object, reason), then what each reason means and how many rows it explains.
 * A project that cannot replay prints why.
 */
export async function printPrismaHistory(adminUrl, log = console.log) {
  const reasons = prismaHistoryReasons();
  const counts = new Map();
  log('\nPrisma schema vs replayed migrations');
  for (const project of prismaHistoryProjects) {
    let result;
    try {
      result = await withScratchDatabase(adminUrl, (url) => prismaHistory(project, url));
    } catch (error) {
      log(`\n${project.name}: cannot replay: ${String(error?.message ?? error).split('\n')[0]}`);
      continue;
    }
    const review = reviewDifferences(result.rows, reviewedRows(project));
    log(
      `\n${project.name}: ${result.migrations} migrations, ${result.tables} tables, ${result.rows.length} differences` +
        ` (${review.unreviewed.length} not reviewed, ${review.gone.length} reviewed and gone)`,
    );
    const lines = review.table.map((r) => [r.kind, r.object, r.reason]);
    for (const g of review.gone) lines.push([g.kind, g.object, `GONE (was: ${g.reason})`]);
    const widths = [0, 1].map((i) => Math.max(i === 0 ? 4 : 6, ...lines.map((l) => l[i].length)));
    log(`  ${'kind'.padEnd(widths[0])}  ${'object'.padEnd(widths[1])}  reason`);
    for (const l of lines) log(`  ${l[0].padEnd(widths[0])}  ${l[1].padEnd(widths[1])}  ${l[2]}`);
    for (const r of review.table) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  }
  log('\nreasons');
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    log(`  ${String(n).padStart(3)}  ${key}: ${reasons[key] ?? '(not a known reason)'}`);
  }
}
