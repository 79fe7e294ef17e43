import type { Domain } from '@gander/schema';
import type {
  AlterDomainStmt,
  AlterEnumStmt,
  CompositeTypeStmt,
  Constraint,
  CreateDomainStmt,
  CreateEnumStmt,
  CreateRangeStmt,
  DefineStmt,
} from 'libpg-query';
import { as, qualified, rangeVar, strs } from './ast.js';
import { canonicalDefault, canonicalExpr, canonicalType } from './canonical.js';
import { chooseConstraintName } from './names.js';
import { type FoldState, key } from './state.js';

/** `CREATE TYPE name AS ENUM (...)`. @see https://www.postgresql.org/docs/16/sql-createtype.html */
export function createEnum(state: FoldState, stmt: CreateEnumStmt): void {
  const q = qualified(stmt.typeName);
  const schema = q.schema ?? state.creationSchema();
  state.enums.set(key(schema, q.name), { schema, name: q.name, values: strs(stmt.vals), span: state.span });
}

/** `ALTER TYPE name ADD VALUE [IF NOT EXISTS] v [BEFORE|AFTER n]` and `RENAME VALUE a TO b`. */
export function alterEnum(state: FoldState, stmt: AlterEnumStmt): void {
  const q = qualified(stmt.typeName);
  const found = state.resolve(q.schema, q.name, (k) => state.enums.has(k));
  if (!found) return;
  const k = key(found.schema, found.name);
  const e = state.enums.get(k);
  if (!e || stmt.newVal === undefined) return;
  let values = [...e.values];
  if (stmt.oldVal !== undefined) {
    values = values.map((v) => (v === stmt.oldVal ? (stmt.newVal as string) : v));
  } else {
    if (values.includes(stmt.newVal)) return;
    const at = stmt.newValNeighbor === undefined ? -1 : values.indexOf(stmt.newValNeighbor);
    if (at < 0) values.push(stmt.newVal);
    else values.splice(stmt.newValIsAfter ? at + 1 : at, 0, stmt.newVal);
  }
  state.enums.set(k, { ...e, values, span: state.span });
}

/** `CREATE DOMAIN name [AS] type [COLLATE c] [DEFAULT e] [constraints]`. */
export function createDomain(state: FoldState, stmt: CreateDomainStmt): void {
  const q = qualified(stmt.domainname);
  const schema = q.schema ?? state.creationSchema();
  let domain: Domain = {
    schema,
    name: q.name,
    type: stmt.typeName ? canonicalType(state, stmt.typeName) : 'unknown',
    notNull: false,
    checks: [],
    span: state.span,
  };
  const collation = strs(stmt.collClause?.collname);
  if (collation.length) domain = { ...domain, collation: collation[collation.length - 1] as string };
  state.domains.set(key(schema, q.name), domain);
  for (const node of stmt.constraints ?? []) {
    const c = as<Constraint>(node, 'Constraint');
    if (c) applyDomainConstraint(state, schema, q.name, c);
  }
}

function applyDomainConstraint(state: FoldState, schema: string, name: string, c: Constraint): void {
  const k = key(schema, name);
  const d = state.domains.get(k);
  if (!d) return;
  switch (c.contype) {
    case 'CONSTR_NOTNULL':
      state.domains.set(k, { ...d, notNull: true, span: state.span });
      return;
    case 'CONSTR_NULL':
      state.domains.set(k, { ...d, notNull: false, span: state.span });
      return;
    case 'CONSTR_DEFAULT':
      if (c.raw_expr)
        state.domains.set(k, { ...d, default: canonicalDefault(state, c.raw_expr), span: state.span });
      return;
    case 'CONSTR_CHECK': {
      const checkName = c.conname ?? chooseConstraintName(state, schema, name, undefined, 'check');
      const expression = c.raw_expr ? canonicalExpr(state, c.raw_expr) : 'true';
      state.domains.set(k, {
        ...d,
        checks: [...d.checks.filter((x) => x.name !== checkName), { name: checkName, expression }],
        span: state.span,
      });
      return;
    }
    default:
      return;
  }
}

/** `ALTER DOMAIN`: default, NOT NULL, add/drop constraint. */
export function alterDomain(state: FoldState, stmt: AlterDomainStmt): void {
  const q = qualified(stmt.typeName);
  const found = state.resolve(q.schema, q.name, (k) => state.domains.has(k));
  if (!found) return;
  const k = key(found.schema, found.name);
  const d = state.domains.get(k) as Domain;
  switch (stmt.subtype) {
    case 'T': {
      const { default: _d, ...rest } = d;
      state.domains.set(
        k,
        stmt.def
          ? { ...rest, default: canonicalDefault(state, stmt.def), span: state.span }
          : { ...rest, span: state.span },
      );
      return;
    }
    case 'N':
      state.domains.set(k, { ...d, notNull: false, span: state.span });
      return;
    case 'O':
      state.domains.set(k, { ...d, notNull: true, span: state.span });
      return;
    case 'C': {
      const c = as<Constraint>(stmt.def, 'Constraint');
      if (c) applyDomainConstraint(state, found.schema, found.name, c);
      return;
    }
    case 'X':
      state.domains.set(k, { ...d, checks: d.checks.filter((x) => x.name !== stmt.name), span: state.span });
      return;
    default:
      return;
  }
}

/** Composite, range and base types are outside the model; their names still resolve in column types. */
export function registerOtherType(
  state: FoldState,
  stmt: CompositeTypeStmt | CreateRangeStmt | DefineStmt,
  kind: string,
): void {
  let q: { schema?: string; name: string };
  if (kind === 'CompositeTypeStmt') q = rangeVar((stmt as CompositeTypeStmt).typevar);
  else if (kind === 'CreateRangeStmt') q = qualified((stmt as CreateRangeStmt).typeName);
  else q = qualified((stmt as DefineStmt).defnames);
  state.otherTypes.add(key(q.schema ?? state.creationSchema(), q.name));
}
