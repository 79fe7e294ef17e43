import { type RoutineArgument as DigestArgument, type Routine, routineDigest } from '@gander/schema';
import type {
  CreateFunctionStmt,
  DefElem,
  FunctionParameter,
  Node,
  ObjectWithArgs,
  TypeName,
} from 'libpg-query';
import { as, qualified, str, strs } from './ast.js';
import { canonicalType } from './canonical.js';
import { type FoldState, key } from './state.js';

const MODES: Readonly<Record<string, DigestArgument['mode']>> = {
  FUNC_PARAM_IN: 'in',
  FUNC_PARAM_DEFAULT: 'in',
  FUNC_PARAM_OUT: 'out',
  FUNC_PARAM_INOUT: 'inout',
  FUNC_PARAM_VARIADIC: 'variadic',
  FUNC_PARAM_TABLE: 'table',
};

/** Map key of a routine: schema, name and identity argument types. */
export function routineKey(schema: string, name: string, argumentTypes: readonly string[]): string {
  return `${key(schema, name)}(${argumentTypes.join(',')})`;
}

/**
 * Canonical argument type as `format_type(oid, NULL)` prints it: no typmod (PostgreSQL drops the
 * typmods of argument types), `%TYPE` resolved through the folded table.
 */
export function argumentType(state: FoldState, type: TypeName): string {
  if (type.pct_type) {
    const parts = strs(type.names);
    const column = parts[parts.length - 1] as string;
    const table = state.table(
      parts.length >= 3 ? parts[parts.length - 3] : undefined,
      parts[parts.length - 2] ?? '',
    );
    const found = table?.columns.find((c) => c.name === column)?.type ?? 'unknown';
    return found.replace(/\(.*\)/, '') + (type.arrayBounds?.length && !found.endsWith('[]') ? '[]' : '');
  }
  const { typmods: _t, typemod: _m, ...rest } = type;
  return canonicalType(state, rest);
}

function option(options: readonly Node[] | undefined, name: string): DefElem | undefined {
  for (const node of options ?? []) {
    const d = as<DefElem>(node, 'DefElem');
    if (d?.defname === name) return d;
  }
  return undefined;
}

function bool(d: DefElem | undefined): boolean {
  return (
    as<{ boolval?: boolean }>(d?.arg, 'Boolean')?.boolval === true ||
    (as<{ ival?: number }>(d?.arg, 'Integer')?.ival ?? 0) !== 0
  );
}

/** Identity argument types of a parameter list (IN, INOUT, VARIADIC; procedures also OUT). */
export function identityTypes(
  state: FoldState,
  params: readonly FunctionParameter[],
  procedure: boolean,
): string[] {
  return params
    .filter((p) => {
      const mode = MODES[p.mode ?? 'FUNC_PARAM_IN'] ?? 'in';
      return mode === 'in' || mode === 'inout' || mode === 'variadic' || (procedure && mode === 'out');
    })
    .map((p) => (p.argType ? argumentType(state, p.argType) : 'unknown'));
}

/**
 * `CREATE [OR REPLACE] FUNCTION | PROCEDURE`: identity (schema, name, identity argument types) and
 * the digest of `routineDigest` (`@gander/schema`) (language, arguments, return type, volatility, strictness, security,
 * body as `prosrc` holds it).
 *
 * @see https://www.postgresql.org/docs/16/sql-createfunction.html
 */
export function createFunction(state: FoldState, stmt: CreateFunctionStmt): void {
  const q = qualified(stmt.funcname);
  const schema = q.schema ?? state.creationSchema();
  const procedure = stmt.is_procedure === true;
  const params = (stmt.parameters ?? []).map((n) => as<FunctionParameter>(n, 'FunctionParameter') ?? {});
  const args: DigestArgument[] = params.map((p) => ({
    mode: MODES[p.mode ?? 'FUNC_PARAM_IN'] ?? 'in',
    name: p.name ?? null,
    type: p.argType ? argumentType(state, p.argType) : 'unknown',
  }));
  const argumentTypes = identityTypes(state, params, procedure);
  const language = (str(option(stmt.options, 'language')?.arg) ?? 'sql').toLowerCase();
  const asItems = strs(as<{ items?: Node[] }>(option(stmt.options, 'as')?.arg, 'List')?.items);
  const body = stmt.sql_body ? '' : ((asItems.length >= 2 ? asItems[1] : asItems[0]) ?? '');
  const volatility = (str(option(stmt.options, 'volatility')?.arg) ?? 'volatile') as
    | 'immutable'
    | 'stable'
    | 'volatile';
  let returns: string | null = null;
  let modelReturns: string | undefined;
  if (!procedure) {
    const outs = args.filter((a) => a.mode === 'out' || a.mode === 'inout' || a.mode === 'table');
    const table = args.some((a) => a.mode === 'table');
    if (table) {
      const columns = args.filter((a) => a.mode === 'table');
      returns = `SETOF ${columns.length === 1 ? (columns[0] as DigestArgument).type : 'record'}`;
    } else if (stmt.returnType) {
      const setof = stmt.returnType.setof === true;
      const { setof: _s, ...plain } = stmt.returnType;
      const base = outs.length > 1 ? 'record' : argumentType(state, plain);
      returns = setof ? `SETOF ${base}` : base;
    } else returns = outs.length === 1 ? (outs[0] as DigestArgument).type : 'record';
    modelReturns = table ? 'record' : returns;
  }
  const digest = routineDigest({
    kind: procedure ? 'procedure' : 'function',
    language,
    arguments: args,
    returns,
    volatility,
    strict: bool(option(stmt.options, 'strict')),
    securityDefiner: bool(option(stmt.options, 'security')),
    body,
  });
  const k = routineKey(schema, q.name, argumentTypes);
  const previous = state.routines.get(k);
  const routine: Routine = {
    schema,
    name: q.name,
    kind: procedure ? 'procedure' : 'function',
    argumentTypes,
    ...(modelReturns !== undefined ? { returns: modelReturns } : {}),
    language,
    digest,
    ...(previous?.comment !== undefined ? { comment: previous.comment } : {}),
    span: state.span,
  };
  state.routines.set(k, routine);
}

/**
 * Replaces every routine `findRoutines` finds for `owa` with `update(routine)`, re-keyed (by
 * `routineKey`) when the update changes its schema or name.
 */
export function updateRoutines(
  state: FoldState,
  owa: ObjectWithArgs | undefined,
  update: (routine: Routine) => Routine,
): void {
  for (const k of findRoutines(state, owa)) {
    const r = state.routines.get(k);
    if (!r) continue;
    const next = update(r);
    if (next.schema === r.schema && next.name === r.name) state.routines.set(k, next);
    else {
      state.routines.delete(k);
      state.routines.set(routineKey(next.schema, next.name, next.argumentTypes), next);
    }
  }
}

/** Finds routines named by an `ObjectWithArgs` (all overloads when the argument list is omitted). */
export function findRoutines(state: FoldState, owa: ObjectWithArgs | undefined): string[] {
  if (!owa) return [];
  const q = qualified(owa.objname);
  const schemas = q.schema ? [q.schema] : state.pathSchemas();
  for (const schema of schemas) {
    if (owa.args_unspecified) {
      const prefix = `${key(schema, q.name)}(`;
      const found = [...state.routines.keys()].filter((k) => k.startsWith(prefix));
      if (found.length) return found;
      continue;
    }
    const params = (owa.objfuncargs ?? []).map((n) => as<FunctionParameter>(n, 'FunctionParameter') ?? {});
    const types = params.length
      ? identityTypes(state, params, false)
      : (owa.objargs ?? []).map((n) => {
          const t = as<TypeName>(n, 'TypeName');
          return t ? argumentType(state, t) : 'unknown';
        });
    const k = routineKey(schema, q.name, types);
    if (state.routines.has(k)) return [k];
    const withOut = params.length
      ? routineKey(schema, q.name, identityTypes(state, params, true))
      : undefined;
    if (withOut && state.routines.has(withOut)) return [withOut];
  }
  return [];
}
