/**
 * `DO` blocks that guard DDL, the idioms migrations use because PostgreSQL lacks
 * `CREATE TYPE IF NOT EXISTS` and `ADD CONSTRAINT IF NOT EXISTS`:
 *
 * ```sql
 * DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'status') THEN
 *   CREATE TYPE status AS ENUM ('A', 'B'); END IF; END $$;
 * DO $$ BEGIN CREATE TYPE status AS ENUM ('A'); EXCEPTION WHEN duplicate_object THEN null; END $$;
 * ```
 *
 * The body is parsed with PostgreSQL's PL/pgSQL parser (libpg_query). Each static SQL statement in
 * the body's blocks and `IF ... THEN` branches is folded the way the guard means it: a statement that
 * would create what already exists (a type, table, column, constraint, index) is skipped, anything
 * else is folded as written. Data statements are ignored. A body that runs DDL the fold cannot place
 * (dynamic `EXECUTE`, DDL in loops or `ELSE` branches, another language) is reported opaque; its
 * static statements on the block's main line are folded all the same, before and after the part
 * that cannot be placed, since PostgreSQL runs them in that order.
 *
 * NOTE: guard conditions are not evaluated: a DDL statement under `IF EXISTS (...)` is folded as if
 * the condition held when the object it needs exists. Replay mode runs the block for real.
 *
 * @see https://www.postgresql.org/docs/16/sql-do.html
 * @see https://www.postgresql.org/docs/16/plpgsql-control-structures.html
 */
import { parseSql } from '@gander/schema';
import { type DoStmt, type Node, parsePlPgSQLSync } from 'libpg-query';
import { nodeType } from './ast.js';
import { ParsedText } from './locations.js';
import type { FoldState } from './state.js';
import { foldStatement } from './statement.js';

interface PlStatement {
  readonly [type: string]: { readonly lineno?: number; readonly [field: string]: unknown } | undefined;
}

/** A static SQL statement of the body and its 1-based line in the body. */
interface BodySql {
  readonly query: string;
  readonly line: number;
}

const DDL_FREE = new Set([
  'PLpgSQL_stmt_return',
  'PLpgSQL_stmt_raise',
  'PLpgSQL_stmt_assign',
  'PLpgSQL_stmt_getdiag',
  'PLpgSQL_stmt_assert',
]);

/** Folds a `DO` statement (see the module doc); records it as opaque when it cannot. */
export function foldDoBlock(state: FoldState, stmt: DoStmt): void {
  const option = (name: string) =>
    (stmt.args ?? [])
      .map((a) => (a as { DefElem?: { defname?: string; arg?: { String?: { sval?: string } } } }).DefElem)
      .find((d) => d?.defname === name)?.arg?.String?.sval;
  const body = option('as');
  const language = option('language') ?? 'plpgsql';
  const opaque = () =>
    state.recordOpaque('DoStmt', 'DO block: what it does is known only by running it; replay mode sees it');
  if (body === undefined || language.toLowerCase() !== 'plpgsql') {
    opaque();
    return;
  }
  const collected: BodySql[] = [];
  let unplaced = false;
  try {
    const parsed = parsePlPgSQLSync(
      `CREATE FUNCTION gander_do() RETURNS void LANGUAGE plpgsql AS $gander_do$${body}$gander_do$`,
    ) as unknown as {
      plpgsql_funcs?: { PLpgSQL_function?: { action?: PlStatement } }[];
    };
    const action = parsed.plpgsql_funcs?.[0]?.PLpgSQL_function?.action;
    if (!action) {
      opaque();
      return;
    }
    unplaced = !collect(action, collected, true);
  } catch {
    opaque();
    return;
  }
  const start = state.span;
  const outer = state.text;
  const outerEnd = state.statementEnd;
  const bodyIndex = bodyStart(outer, stmt, body);
  try {
    for (const { query, line } of collected) {
      state.text =
        placeQuery(outer, bodyIndex, body, query, line) ??
        ParsedText.unplaced(query, { file: start.file, line: start.line + line - 1, column: 1 });
      const stmts = parseSql(query).stmts ?? [];
      for (const raw of stmts) {
        if (!raw.stmt || alreadyDone(state, raw.stmt)) continue;
        state.span = state.text.span(raw.stmt_location ?? 0);
        state.statementEnd = raw.stmt_len ? (raw.stmt_location ?? 0) + raw.stmt_len : undefined;
        foldStatement(state, raw.stmt, query);
      }
    }
  } catch {
    unplaced = true;
  } finally {
    state.span = start;
    state.text = outer;
    state.statementEnd = outerEnd;
  }
  if (unplaced) opaque();
}

/**
 * The UTF-16 index in `text` where the body of a `DO` starts, when it stands there verbatim (a
 * dollar-quoted string: the `AS` option's location is its opening `$tag$`); undefined otherwise
 * (a quoted string with escapes).
 */
function bodyStart(text: ParsedText, stmt: DoStmt, body: string): number | undefined {
  const option = (stmt.args ?? [])
    .map((a) => (a as { DefElem?: { defname?: string; location?: number } }).DefElem)
    .find((d) => d?.defname === 'as');
  if (option?.location === undefined || option.location < 0) return undefined;
  const at = text.indexOf(option.location);
  const tag = /^\$[^$]*\$/.exec(text.sql.slice(at, at + 128))?.[0] ?? "'";
  const index = at + tag.length;
  return text.sql.startsWith(body, index) ? index : undefined;
}

/**
 * `query` placed in the file: PL/pgSQL keeps a statement's text verbatim, so it is found in the body
 * from the start of its line (`lineno`, 1-based in the body) on.
 */
function placeQuery(
  outer: ParsedText,
  bodyIndex: number | undefined,
  body: string,
  query: string,
  line: number,
): ParsedText | undefined {
  if (bodyIndex === undefined) return undefined;
  let lineStart = 0;
  for (let l = 1; l < line; l++) {
    const next = body.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  const at = body.indexOf(query, lineStart);
  return at < 0 ? undefined : ParsedText.inside(query, outer, bodyIndex + at);
}

/** Collects the static SQL of blocks and IF-THEN bodies; false when DDL may hide elsewhere. */
function collect(node: PlStatement, out: BodySql[], placeable: boolean): boolean {
  const type = Object.keys(node)[0] as string;
  const body = node[type] ?? {};
  const list = (v: unknown) => (Array.isArray(v) ? (v as PlStatement[]) : []);
  switch (type) {
    case 'PLpgSQL_stmt_block':
      return all(list(body.body), (s) => collect(s, out, placeable));
    case 'PLpgSQL_stmt_if': {
      const others = [
        ...list(body.else_body),
        ...list(
          (body.elsif_list as unknown[] | undefined)?.flatMap((e) =>
            list((e as { PLpgSQL_if_elsif?: { stmts?: unknown } }).PLpgSQL_if_elsif?.stmts),
          ),
        ),
      ];
      return (
        all(list(body.then_body), (s) => collect(s, out, placeable)) &&
        all(others, (s) => collect(s, out, false))
      );
    }
    case 'PLpgSQL_stmt_execsql': {
      const query = (body.sqlstmt as { PLpgSQL_expr?: { query?: string } } | undefined)?.PLpgSQL_expr?.query;
      if (query === undefined) return true;
      if (isData(query)) return true;
      if (!placeable) return false;
      out.push({ query, line: body.lineno ?? 1 });
      return true;
    }
    case 'PLpgSQL_stmt_fors':
    case 'PLpgSQL_stmt_fori':
    case 'PLpgSQL_stmt_loop':
    case 'PLpgSQL_stmt_while':
    case 'PLpgSQL_stmt_foreach_a':
      return all(list(body.body), (s) => collect(s, out, false));
    default:
      return DDL_FREE.has(type);
  }
}

/**
 * Whether `test` holds for every statement, calling it on each one (no short cut): the static
 * statements after an unplaceable one (a loop of dynamic `EXECUTE`) still run, in order, so they are
 * still collected; the block as a whole is reported opaque.
 */
function all(statements: readonly PlStatement[], test: (s: PlStatement) => boolean): boolean {
  let ok = true;
  for (const s of statements) ok = test(s) && ok;
  return ok;
}

/** True for a query that changes data only (INSERT, UPDATE, DELETE, SELECT ...). */
function isData(query: string): boolean {
  try {
    const stmts = parseSql(query).stmts ?? [];
    return stmts.every(
      (s) =>
        s.stmt &&
        ['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'SelectStmt', 'MergeStmt'].includes(nodeType(s.stmt)),
    );
  } catch {
    return false;
  }
}

interface Named {
  readonly schemaname?: string;
  readonly relname?: string;
}

/** True when `node` would create what the model already has (the guard's purpose). */
function alreadyDone(state: FoldState, node: Node): boolean {
  const type = nodeType(node);
  const body = (node as unknown as Record<string, Record<string, unknown>>)[type] ?? {};
  const typeName = (names: unknown) => {
    const parts =
      (names as { String?: { sval?: string } }[] | undefined)?.map((n) => n.String?.sval ?? '') ?? [];
    return {
      schema: parts.length > 1 ? parts[parts.length - 2] : undefined,
      name: parts[parts.length - 1] ?? '',
    };
  };
  switch (type) {
    case 'CreateEnumStmt': {
      const q = typeName(body.typeName);
      return (
        state.resolve(
          q.schema,
          q.name,
          (k) => state.enums.has(k) || state.domains.has(k) || state.otherTypes.has(k),
        ) !== undefined
      );
    }
    case 'CreateDomainStmt': {
      const q = typeName(body.domainname);
      return (
        state.resolve(
          q.schema,
          q.name,
          (k) => state.enums.has(k) || state.domains.has(k) || state.otherTypes.has(k),
        ) !== undefined
      );
    }
    case 'CreateStmt': {
      const rel = body.relation as Named;
      return state.table(rel.schemaname, rel.relname ?? '') !== undefined;
    }
    case 'IndexStmt': {
      const rel = body.relation as Named;
      const table = state.table(rel.schemaname, rel.relname ?? '');
      const name = body.idxname as string | undefined;
      return (
        !!table &&
        !!name &&
        (table.indexes.some((i) => i.name === name) || table.constraints.some((c) => c.name === name))
      );
    }
    case 'AlterTableStmt': {
      const rel = body.relation as Named;
      const table = state.table(rel.schemaname, rel.relname ?? '');
      if (!table) return false;
      const cmds = (
        (body.cmds as {
          AlterTableCmd?: { subtype?: string; def?: Record<string, { colname?: string; conname?: string }> };
        }[]) ?? []
      ).map((c) => c.AlterTableCmd);
      return (
        cmds.length > 0 &&
        cmds.every((cmd) => {
          if (cmd?.subtype === 'AT_AddColumn')
            return table.columns.some((c) => c.name === cmd.def?.ColumnDef?.colname);
          if (cmd?.subtype === 'AT_AddConstraint') {
            const name = cmd.def?.Constraint?.conname;
            return (
              !!name &&
              (table.constraints.some((c) => c.name === name) || table.indexes.some((i) => i.name === name))
            );
          }
          return false;
        })
      );
    }
    default:
      return false;
  }
}
