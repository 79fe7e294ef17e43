import {
  type Constraint,
  type Domain,
  type EnumType,
  type Extension,
  type Index,
  type Model,
  type QualifiedName,
  type Routine,
  type Sequence,
  type SourceSpan,
  sortModel,
  type Table,
  type TriggerDigestParts,
  type View,
} from '@gander/schema';
import { ParsedText } from './locations.js';

/** Mutable working copy of a table while statements are folded (elements themselves are replaced, never mutated). */
export interface TableState {
  schema: string;
  name: string;
  kind: Table['kind'];
  partitionKey?: string;
  partitionOf?: Table['partitionOf'];
  inherits: QualifiedName[];
  columns: Table['columns'][number][];
  constraints: Constraint[];
  indexes: Index[];
  triggers: Table['triggers'][number][];
  comment?: string;
  span?: SourceSpan;
}

/** Mutable working copy of a view or materialized view. */
export interface ViewState {
  schema: string;
  name: string;
  materialized: boolean;
  digest: string;
  columns: string[];
  indexes: Index[];
  comment?: string;
  span?: SourceSpan;
}

/** A statement the fold could not model; replay mode runs it. */
export interface OpaqueStatement {
  readonly span: SourceSpan;
  /** libpg_query node type, e.g. `DoStmt`, `SelectStmt`. */
  readonly statement: string;
  readonly note: string;
}

/** Map key of a schema-qualified object. */
export function key(schema: string, name: string): string {
  return `${schema}\u0000${name}`;
}

/**
 * Everything the fold knows so far: the model under construction, the session's `search_path`
 * and the counters reported in `FoldResult`.
 */
export class FoldState {
  readonly schemas = new Map<string, { comment?: string; span?: SourceSpan }>();
  readonly extensions = new Map<string, Extension>();
  readonly enums = new Map<string, EnumType>();
  readonly domains = new Map<string, Domain>();
  readonly sequences = new Map<string, Sequence>();
  readonly tables = new Map<string, TableState>();
  readonly views = new Map<string, ViewState>();
  /** Keyed by `key(schema, name) + '(' + argument types + ')'`. */
  readonly routines = new Map<string, Routine>();
  /** Relations each view reads (`key`s), for what `DROP ... CASCADE` removes. */
  readonly viewDependencies = new Map<string, Set<string>>();
  /** Column names each view's query mentions (all columns of what it reads when it has `*`), for `DROP COLUMN`. */
  readonly viewColumns = new Map<string, Set<string>>();
  /** What each table's triggers were digested from, by trigger name, so `RENAME COLUMN` can digest them again. */
  readonly triggerParts = new WeakMap<TableState, Map<string, TriggerDigestParts>>();
  /** Types outside the model (composite, range, base types) that names may resolve to. */
  readonly otherTypes = new Set<string>();
  readonly opaque: OpaqueStatement[] = [];
  statements = 0;
  dataStatements = 0;
  /** The session `search_path` as written (`"$user"` kept; it never names an existing schema here). */
  searchPath: string[];
  /** The session `search_path` to restore when the transaction of a `SET LOCAL` ends. */
  sessionSearchPath: string[] | undefined;
  /** Span of the statement being folded. */
  span: SourceSpan = { file: '', line: 1, column: 1 };
  /** The text the statement being folded was parsed from: its node `location`s are byte offsets into it. */
  text: ParsedText = ParsedText.at('', this.span);
  /** Byte offset in {@link text} where the statement being folded ends (`undefined`: the end of the text). */
  statementEnd: number | undefined;

  constructor(readonly defaultSchema: string) {
    // initdb gives `public` this comment (PostgreSQL 15+, src/include/catalog/pg_namespace.dat).
    this.schemas.set('public', { comment: 'standard public schema' });
    if (defaultSchema !== 'public') this.schemas.set(defaultSchema, {});
    this.searchPath = defaultSchema === 'public' ? ['$user', 'public'] : [defaultSchema];
  }

  /** Schemas of the search path that exist, in order. */
  pathSchemas(): string[] {
    return this.searchPath.filter((s) => this.schemas.has(s));
  }

  /** The schema unqualified CREATE statements create into (first existing search path entry). */
  creationSchema(): string {
    return this.pathSchemas()[0] ?? this.defaultSchema;
  }

  /** Resolves a possibly qualified name with `has` as PostgreSQL's namespace search does. */
  resolve(schema: string | undefined, name: string, has: (k: string) => boolean): QualifiedName | undefined {
    if (schema) return has(key(schema, name)) ? { schema, name } : undefined;
    for (const s of this.pathSchemas()) if (has(key(s, name))) return { schema: s, name };
    return undefined;
  }

  table(schema: string | undefined, name: string): TableState | undefined {
    const found = this.resolve(schema, name, (k) => this.tables.has(k));
    return found ? this.tables.get(key(found.schema, found.name)) : undefined;
  }

  /** Whether a pg_class entry (table, view, sequence, index) of that name exists in the schema. */
  relationExists(schema: string, name: string): boolean {
    const k = key(schema, name);
    if (this.tables.has(k) || this.views.has(k) || this.sequences.has(k)) return true;
    return this.findIndex(schema, name) !== undefined;
  }

  /** Whether any constraint (table or domain) of that name exists in the schema (`ConstraintNameExists`). */
  constraintExists(schema: string, name: string): boolean {
    for (const t of this.tables.values()) {
      if (t.schema === schema && t.constraints.some((c) => c.name === name)) return true;
    }
    for (const d of this.domains.values()) {
      if (d.schema === schema && d.checks.some((c) => c.name === name)) return true;
    }
    return false;
  }

  /** Finds an index (plain, or backing a constraint) by name in a schema. */
  findIndex(
    schema: string,
    name: string,
  ): { owner: TableState | ViewState; constraint: boolean } | undefined {
    for (const t of this.tables.values()) {
      if (t.schema !== schema) continue;
      if (t.indexes.some((i) => i.name === name)) return { owner: t, constraint: false };
      if (t.constraints.some((c) => c.name === name && c.kind !== 'check' && c.kind !== 'foreign key')) {
        return { owner: t, constraint: true };
      }
    }
    for (const v of this.views.values()) {
      if (v.schema === schema && v.indexes.some((i) => i.name === name))
        return { owner: v, constraint: false };
    }
    return undefined;
  }

  /** Resolves an index name through the search path. */
  resolveIndex(schema: string | undefined, name: string) {
    const schemas = schema ? [schema] : this.pathSchemas();
    for (const s of schemas) {
      const found = this.findIndex(s, name);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The span of an element of the statement being folded (a column, constraint, action) from its
   * libpg_query `location` (UTF-8 byte offset into {@link text}); the statement's span when the node
   * has none (absent or -1).
   */
  at(location: number | undefined): SourceSpan {
    return location === undefined || location < 0 ? this.span : this.text.span(location);
  }

  recordOpaque(statement: string, note: string): void {
    this.opaque.push({ span: this.span, statement, note });
  }

  /** The folded model, sorted (see `sortModel`). */
  toModel(): Model {
    const schemaComments = Object.fromEntries(
      [...this.schemas].filter(([, v]) => v.comment !== undefined).map(([k, v]) => [k, v.comment as string]),
    );
    const schemaSpans = Object.fromEntries(
      [...this.schemas].filter(([, v]) => v.span !== undefined).map(([k, v]) => [k, v.span as SourceSpan]),
    );
    const model: Model = {
      schemas: [...this.schemas.keys()],
      extensions: [...this.extensions.values()],
      enums: [...this.enums.values()],
      domains: [...this.domains.values()],
      sequences: [...this.sequences.values()],
      tables: [...this.tables.values()].map((t): Table => ({ ...t })),
      views: [...this.views.values()].map((v): View => ({ ...v })),
      routines: [...this.routines.values()],
      ...(Object.keys(schemaComments).length > 0 ? { schemaComments } : {}),
      ...(Object.keys(schemaSpans).length > 0 ? { schemaSpans } : {}),
    };
    return sortModel(model);
  }
}
