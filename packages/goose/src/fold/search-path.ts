import type { FuncCall, Node, ResTarget, SelectStmt, VariableSetStmt } from 'libpg-query';
import { as, strs } from './ast.js';
import type { FoldState } from './state.js';

/** Splits a `search_path` string value (`'"$user", public'`) into schema names. */
export function parseSearchPath(value: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,\s]+))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null = re.exec(value);
  while (m !== null && m[0] !== '') {
    out.push(m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] as string).toLowerCase());
    m = re.exec(value);
  }
  return out;
}

function setPath(state: FoldState, path: string[] | undefined, local: boolean): void {
  if (local) state.sessionSearchPath ??= state.searchPath;
  else state.sessionSearchPath = undefined;
  state.searchPath = path ?? (state.defaultSchema === 'public' ? ['$user', 'public'] : [state.defaultSchema]);
}

/**
 * `SET [LOCAL] search_path ...` / `RESET search_path`: unqualified names then resolve and are
 * created as PostgreSQL would. Other settings do not change the model. Returns whether the
 * statement set the search path.
 *
 * @see https://www.postgresql.org/docs/16/ddl-schemas.html#DDL-SCHEMAS-PATH
 */
export function setStatement(state: FoldState, stmt: VariableSetStmt): void {
  if (stmt.name !== 'search_path') return;
  if (stmt.kind === 'VAR_SET_DEFAULT' || stmt.kind === 'VAR_RESET') {
    setPath(state, undefined, stmt.is_local === true);
    return;
  }
  if (stmt.kind !== 'VAR_SET_VALUE') return;
  const names: string[] = [];
  for (const arg of stmt.args ?? []) {
    const c = as<{ sval?: { sval?: string } }>(arg, 'A_Const');
    if (c?.sval) names.push(...parseSearchPath(c.sval.sval ?? ''));
    else names.push(...strs(as<{ fields?: Node[] }>(arg, 'ColumnRef')?.fields));
  }
  setPath(state, names, stmt.is_local === true);
}

/** The end of a migration's transaction: a `SET LOCAL` search path reverts. */
export function endTransaction(state: FoldState): void {
  if (state.sessionSearchPath) state.searchPath = state.sessionSearchPath;
  state.sessionSearchPath = undefined;
}

/**
 * Reads `SELECT [pg_catalog.]set_config('search_path', 'a, b', is_local)` (pg_dump's preamble).
 * Returns true when the statement was such a call (and applies it).
 */
export function selectSetConfig(state: FoldState, stmt: SelectStmt): boolean {
  const targets = stmt.targetList ?? [];
  if (targets.length !== 1 || stmt.fromClause?.length) return false;
  const call = as<FuncCall>(as<ResTarget>(targets[0], 'ResTarget')?.val, 'FuncCall');
  const name = strs(call?.funcname);
  if (!call || name[name.length - 1] !== 'set_config' || call.args?.length !== 3) return false;
  const [setting, value, local] = call.args as [Node, Node, Node];
  const settingName = as<{ sval?: { sval?: string } }>(setting, 'A_Const')?.sval?.sval;
  const text = as<{ sval?: { sval?: string } }>(value, 'A_Const')?.sval?.sval;
  if (settingName !== 'search_path' || text === undefined) return false;
  const isLocal = as<{ boolval?: { boolval?: boolean } }>(local, 'A_Const')?.boolval?.boolval === true;
  setPath(state, parseSearchPath(text), isLocal);
  return true;
}

/** Names of the functions a statement calls (for spotting calls to user routines). */
export function calledFunctions(node: Node): { schema?: string; name: string }[] {
  const out: { schema?: string; name: string }[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) visit(x);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'FuncCall') {
        const names = strs((v as FuncCall).funcname);
        const name = names[names.length - 1] ?? '';
        out.push(names.length >= 2 ? { schema: names[names.length - 2] as string, name } : { name });
      }
      visit(v);
    }
  };
  visit(node);
  return out;
}
