import type { Model } from '@gander/schema';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../program.js';

/** Tables of migration tools, never part of the user's schema. */
const BOOKKEEPING = new Set(['goose_db_version', '_prisma_migrations']);

/** One difference between two models: where, which aspect, and both values (`undefined` = absent). */
export interface ModelDifference {
  /** Object path, e.g. `table public.users / column email`. */
  readonly path: string;
  readonly aspect: string;
  readonly left: unknown;
  readonly right: unknown;
}

type Entry = Record<string, unknown>;

const GROUPS: readonly { readonly field: keyof Model; readonly label: string; readonly key: (o: Entry) => string }[] = [
  { field: 'extensions', label: 'extension', key: (o) => String(o.name) },
  { field: 'enums', label: 'enum', key: (o) => `${o.schema}.${o.name}` },
  { field: 'domains', label: 'domain', key: (o) => `${o.schema}.${o.name}` },
  { field: 'sequences', label: 'sequence', key: (o) => `${o.schema}.${o.name}` },
  { field: 'tables', label: 'table', key: (o) => `${o.schema}.${o.name}` },
  { field: 'views', label: 'view', key: (o) => `${o.schema}.${o.name}` },
  { field: 'routines', label: 'routine', key: (o) => `${o.schema}.${o.name}(${(o.argumentTypes as string[]).join(', ')})` },
];

/** Fields holding named children, compared child by child. */
const CHILDREN: Readonly<Record<string, string>> = {
  columns: 'column',
  constraints: 'constraint',
  indexes: 'index',
  triggers: 'trigger',
  checks: 'check',
};

/** JSON with object keys sorted, so key order never makes a difference. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function compareObjects(path: string, left: Entry, right: Entry, out: ModelDifference[]): void {
  const fields = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const field of fields) {
    if (field === 'span') continue;
    const a = left[field];
    const b = right[field];
    const childLabel = CHILDREN[field];
    const named = (x: unknown) => Array.isArray(x) && x.every((e) => typeof e === 'object' && e !== null && 'name' in e);
    if (childLabel && named(a ?? []) && named(b ?? [])) {
      compareNamed(`${path} / ${childLabel}`, (a ?? []) as Entry[], (b ?? []) as Entry[], (o) => String(o.name), out);
      if (field === 'columns') {
        const order = (x: unknown) => ((x ?? []) as Entry[]).map((c) => c.name);
        const shared = (x: unknown[], y: unknown[]) => x.filter((n) => y.includes(n));
        const l = order(a);
        const r = order(b);
        if (!same(shared(l, r), shared(r, l))) out.push({ path, aspect: 'column order', left: l, right: r });
      }
      continue;
    }
    if (!same(a, b)) out.push({ path, aspect: field, left: a, right: b });
  }
}

function compareNamed(label: string, left: readonly Entry[], right: readonly Entry[], key: (o: Entry) => string, out: ModelDifference[]): void {
  const rightByKey = new Map(right.map((o) => [key(o), o]));
  const leftKeys = new Set(left.map(key));
  for (const o of left) {
    const k = key(o);
    const other = rightByKey.get(k);
    if (!other) out.push({ path: `${label} ${k}`, aspect: 'exists', left: true, right: undefined });
    else compareObjects(`${label} ${k}`, o, other, out);
  }
  for (const o of right) if (!leftKeys.has(key(o))) out.push({ path: `${label} ${key(o)}`, aspect: 'exists', left: undefined, right: true });
}

/**
 * Structural differences between two models, spans ignored and bookkeeping tables left out: objects
 * matched by kind and qualified name (routines by signature), then field by field, named children
 * (columns, constraints, indexes, triggers, domain checks) matched by name.
 */
export function modelDifferences(left: Model, right: Model): ModelDifference[] {
  const out: ModelDifference[] = [];
  const l = new Set(left.schemas);
  const r = new Set(right.schemas);
  for (const s of l) if (!r.has(s)) out.push({ path: `schema ${s}`, aspect: 'exists', left: true, right: undefined });
  for (const s of r) if (!l.has(s)) out.push({ path: `schema ${s}`, aspect: 'exists', left: undefined, right: true });
  for (const s of new Set([...l, ...r])) {
    const a = left.schemaComments?.[s];
    const b = right.schemaComments?.[s];
    if (a !== b && l.has(s) && r.has(s)) out.push({ path: `schema ${s}`, aspect: 'comment', left: a, right: b });
  }
  for (const group of GROUPS) {
    const keep = (o: Entry) => group.field !== 'tables' || !BOOKKEEPING.has(String(o.name));
    const a = (left[group.field] as unknown as Entry[]).filter(keep);
    const b = (right[group.field] as unknown as Entry[]).filter(keep);
    compareNamed(group.label, a, b, group.key, out);
  }
  return out;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Readable lines, one per difference: `path: aspect: left vs right`. */
export function formatDifferences(differences: readonly ModelDifference[], leftLabel: string, rightLabel: string): string {
  return differences
    .map((d) =>
      d.aspect === 'exists'
        ? `${d.path}: only in ${d.left ? leftLabel : rightLabel}`
        : `${d.path}: ${d.aspect}: ${show(d.left)} (${leftLabel}) vs ${show(d.right)} (${rightLabel})`,
    )
    .join('\n');
}

/**
 * `gander diff <left> <right>`: compares the models of any two sources (migrations folder, folded
 * or `--replay`ed; postgres URL; Prisma schema). Exit 0 when equal, 1 with the differences listed,
 * 2 when a source cannot be read.
 */
export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('compare the schema models of two sources (migrations folder, postgres:// URL, schema.prisma)')
    .argument('<left>', 'migrations folder, .prisma file or folder, or postgres:// URL')
    .argument('<right>', 'migrations folder, .prisma file or folder, or postgres:// URL')
    .option('--schema <name>', 'default schema for unqualified names', 'public')
    .option('--to-version <version>', 'fold migrations up to this version')
    .option('--replay [target]', 'replay migrations sources into pglite or a postgres:// URL instead of folding them')
    .action(async (left: string, right: string, opts: { schema: string; toVersion?: string; replay?: string | boolean }) => {
      const { loadSource } = await import('../sources.js');
      const options = {
        cwd: ctx.io.cwd,
        env: ctx.io.env,
        defaultSchema: opts.schema,
        ...(opts.toVersion !== undefined ? { toVersion: Number(opts.toVersion) } : {}),
        ...(opts.replay !== undefined ? { replay: opts.replay === true ? 'pglite' : String(opts.replay) } : {}),
      };
      const a = await loadSource(left, options);
      const b = await loadSource(right, options);
      const differences = modelDifferences(a.model, b.model);
      if (differences.length === 0) {
        ctx.io.stdout(`no differences between ${a.label} and ${b.label}\n`);
        ctx.exit(EXIT.ok);
        return;
      }
      ctx.io.stdout(`${formatDifferences(differences, a.label, b.label)}\n${differences.length} difference(s) between ${a.label} and ${b.label}\n`);
      ctx.exit(EXIT.findings);
    });
}
