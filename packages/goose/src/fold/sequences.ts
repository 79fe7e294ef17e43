import type { Sequence } from '@gander/schema';
import type { AlterSeqStmt, CreateSeqStmt, DefElem, Node, TypeName } from 'libpg-query';
import { as, numberText, rangeVar, strs } from './ast.js';
import { canonicalType } from './canonical.js';
import { type FoldState, key } from './state.js';

const BOUNDS: Readonly<Record<string, readonly [string, string]>> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** Sequence options as written (`DefElem` list of CREATE/ALTER SEQUENCE or an identity clause). */
export interface SequenceOptions {
  type?: string;
  start?: string;
  increment?: string;
  min?: string | null;
  max?: string | null;
  cache?: string;
  cycle?: boolean;
  ownedBy?: string[] | null;
  name?: { schema?: string; name: string };
}

/** Reads sequence options from a `DefElem` list. */
export function readSequenceOptions(state: FoldState, options: readonly Node[] | undefined): SequenceOptions {
  const out: SequenceOptions = {};
  for (const node of options ?? []) {
    const d = as<DefElem>(node, 'DefElem');
    if (!d) continue;
    switch (d.defname) {
      case 'as': {
        const t = as<TypeName>(d.arg, 'TypeName');
        if (t) out.type = canonicalType(state, t);
        break;
      }
      case 'start':
        out.start = numberText(d.arg) ?? '1';
        break;
      case 'increment':
        out.increment = numberText(d.arg) ?? '1';
        break;
      case 'minvalue':
        out.min = d.arg ? (numberText(d.arg) ?? null) : null;
        break;
      case 'maxvalue':
        out.max = d.arg ? (numberText(d.arg) ?? null) : null;
        break;
      case 'cache':
        out.cache = numberText(d.arg) ?? '1';
        break;
      case 'cycle':
        out.cycle = d.arg
          ? as<{ boolval?: boolean }>(d.arg, 'Boolean')?.boolval === true || numberText(d.arg) === '1'
          : true;
        break;
      case 'owned_by': {
        const names = strs(as<{ items?: Node[] }>(d.arg, 'List')?.items ?? (d.arg ? [d.arg] : []));
        out.ownedBy = names.length === 1 && names[0] === 'none' ? null : names;
        break;
      }
      case 'sequence_name': {
        const names = strs(as<{ items?: Node[] }>(d.arg, 'List')?.items);
        const name = names[names.length - 1] ?? '';
        out.name = names.length >= 2 ? { schema: names[names.length - 2] as string, name } : { name };
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A sequence with PostgreSQL's defaults for the options not given (`init_params`). */
export function buildSequence(
  schema: string,
  name: string,
  o: SequenceOptions,
  previous?: Sequence,
): Omit<Sequence, 'span'> {
  const type = o.type ?? previous?.type ?? 'bigint';
  const [typeMin, typeMax] = BOUNDS[type] ?? (BOUNDS.bigint as readonly [string, string]);
  const increment = o.increment ?? previous?.increment ?? '1';
  const ascending = !increment.startsWith('-');
  const typeChanged = previous !== undefined && o.type !== undefined && o.type !== previous.type;
  const [oldMin, oldMax] = previous ? (BOUNDS[previous.type] ?? ['', '']) : ['', ''];
  const keepMin = previous && !(typeChanged && (previous.min === oldMin || previous.min === '1'));
  const keepMax = previous && !(typeChanged && (previous.max === oldMax || previous.max === '-1'));
  const min = o.min ?? (o.min === null || !keepMin ? (ascending ? '1' : typeMin) : previous.min);
  const max = o.max ?? (o.max === null || !keepMax ? (ascending ? typeMax : '-1') : previous.max);
  const start = o.start ?? previous?.start ?? (ascending ? min : max);
  return {
    schema,
    name,
    type,
    start,
    increment,
    min,
    max,
    cache: o.cache ?? previous?.cache ?? '1',
    cycle: o.cycle ?? previous?.cycle ?? false,
    ...(previous?.ownedBy ? { ownedBy: previous.ownedBy } : {}),
    ...(previous?.comment !== undefined ? { comment: previous.comment } : {}),
  };
}

function applyOwnedBy(
  state: FoldState,
  seq: Omit<Sequence, 'span'>,
  ownedBy: string[] | null | undefined,
): Omit<Sequence, 'span'> {
  if (ownedBy === undefined) return seq;
  const { ownedBy: _drop, ...rest } = seq;
  if (ownedBy === null || ownedBy.length < 2) return rest;
  const column = ownedBy[ownedBy.length - 1] as string;
  const tableName = ownedBy[ownedBy.length - 2] as string;
  const schema = ownedBy.length >= 3 ? ownedBy[ownedBy.length - 3] : undefined;
  const table = state.table(schema, tableName);
  return { ...rest, ownedBy: { schema: table?.schema ?? schema ?? seq.schema, table: tableName, column } };
}

/** `CREATE SEQUENCE [IF NOT EXISTS]`. */
export function createSequence(state: FoldState, stmt: CreateSeqStmt): void {
  if (stmt.sequence?.relpersistence === 't') return;
  const target = rangeVar(stmt.sequence);
  const schema = target.schema ?? state.creationSchema();
  if (state.sequences.has(key(schema, target.name)) && stmt.if_not_exists) return;
  const options = readSequenceOptions(state, stmt.options);
  const seq = applyOwnedBy(state, buildSequence(schema, target.name, options), options.ownedBy);
  state.sequences.set(key(schema, target.name), { ...seq, span: state.span });
}

/** `ALTER SEQUENCE [IF EXISTS]` (options and OWNED BY). */
export function alterSequence(state: FoldState, stmt: AlterSeqStmt): void {
  const target = rangeVar(stmt.sequence);
  const found = state.resolve(target.schema, target.name, (k) => state.sequences.has(k));
  if (!found) return;
  const k = key(found.schema, found.name);
  const previous = state.sequences.get(k) as Sequence;
  const options = readSequenceOptions(state, stmt.options);
  const seq = applyOwnedBy(
    state,
    buildSequence(found.schema, found.name, options, previous),
    options.ownedBy,
  );
  state.sequences.set(k, { ...seq, span: state.span });
}
