/**
 * Database object names as Prisma Migrate chooses them for PostgreSQL, and the names PostgreSQL
 * itself picks for what Prisma leaves unnamed (the sequence behind `SERIAL`).
 *
 * Every name is built from **database** names (after `@map` / `@@map`), never Prisma names.
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/psl/psl-core/src/datamodel_connector/constraint_names.rs
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/connectors/sql-schema-connector/src/sql_schema_calculator.rs
 *   (`push_relation_tables`: the implicit many-to-many names)
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/commands/indexcmds.c (`makeObjectName`)
 */

/** PostgreSQL's `NAMEDATALEN - 1`: the longest identifier, in UTF-8 bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

const utf8 = new TextEncoder();

/** Length of a string in UTF-8 bytes. */
export function byteLength(text: string): number {
  return utf8.encode(text).length;
}

/**
 * The longest prefix of `text` that is at most `maxBytes` UTF-8 bytes and does not split a
 * character (Rust's `floor_char_boundary`, PostgreSQL's `pg_mbcliplen`).
 */
export function clipBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * Prisma's truncation: when `base` is at least `limit - suffix` bytes long, cut it to that many
 * bytes, then append `suffix`. (The `>=` is Prisma's; the result is at most 63 bytes either way.)
 */
function withSuffix(base: string, suffix: string): string {
  const room = MAX_IDENTIFIER_BYTES - byteLength(suffix);
  const head = byteLength(base) >= room ? clipBytes(base, room) : base;
  return `${head}${suffix}`;
}

/** `{table}_pkey`: the default primary-key constraint name. */
export function primaryKeyName(table: string): string {
  return withSuffix(table, '_pkey');
}

/** `{table}_{col1}_{col2}_key`: the default name of a `@unique` / `@@unique` index. */
export function uniqueIndexName(table: string, columns: readonly string[]): string {
  return withSuffix(`${table}_${columns.join('_')}`, '_key');
}

/** `{table}_{cols}_idx`: the default name of a `@@index`. */
export function indexName(table: string, columns: readonly string[]): string {
  return withSuffix(`${table}_${columns.join('_')}`, '_idx');
}

/** `{table}_{cols}_fkey`: the default foreign-key name (referencing table and columns). */
export function foreignKeyName(table: string, columns: readonly string[]): string {
  return withSuffix(`${table}_${columns.join('_')}`, '_fkey');
}

/** Takes the first `count` characters (Unicode scalar values), as Rust's `chars().take(n)` does. */
function takeChars(text: string, count: number): string {
  return [...text].slice(0, count).join('');
}

/** The names of an implicit many-to-many join table and its keys. */
export interface JoinTableNames {
  readonly table: string;
  readonly primaryKey: string;
  readonly bIndex: string;
  readonly aForeignKey: string;
  readonly bForeignKey: string;
}

/**
 * Names for the implicit many-to-many relation `relationName`: table `_{relationName}` (at most 63
 * characters), `{table}_AB_pkey`, `{table}_B_index`, `{table}_A_fkey`, `{table}_B_fkey`.
 *
 * NOTE: Prisma cuts the table, key and index names by characters but the foreign-key names by bytes,
 * and compares `A` with `>` but `B` with `>=`; these quirks are reproduced as the engine has them.
 */
export function joinTableNames(relationName: string): JoinTableNames {
  const table = takeChars(`_${relationName}`, MAX_IDENTIFIER_BYTES);
  const maxTable = MAX_IDENTIFIER_BYTES - '_fkey'.length - 2;
  const bytes = byteLength(table);
  return {
    table,
    primaryKey: `${takeChars(table, MAX_IDENTIFIER_BYTES - '_AB_pkey'.length)}_AB_pkey`,
    bIndex: `${takeChars(table, MAX_IDENTIFIER_BYTES - 8)}_B_index`,
    aForeignKey: `${bytes > maxTable ? clipBytes(table, maxTable) : table}_A_fkey`,
    bForeignKey: `${bytes >= maxTable ? clipBytes(table, maxTable) : table}_B_fkey`,
  };
}

/**
 * PostgreSQL's `makeObjectName(table, column, 'seq')`: the name `SERIAL` gives its sequence,
 * `{table}_{column}_seq`, shortening the longer of the two parts one character at a time until the
 * whole fits in 63 bytes.
 *
 * NOTE: PostgreSQL then appends a digit (`seq1`, ...) when the name is taken; `chooseSequenceName`
 * does that against the names already used in the schema.
 */
export function serialSequenceName(table: string, column: string, label = 'seq'): string {
  let name1 = [...table];
  let name2 = [...column];
  const overhead = byteLength(label) + 2;
  const avail = MAX_IDENTIFIER_BYTES - overhead;
  const bytes = (chars: string[]) => byteLength(chars.join(''));
  while (bytes(name1) + bytes(name2) > avail) {
    if (bytes(name1) > bytes(name2)) name1 = name1.slice(0, -1);
    else name2 = name2.slice(0, -1);
  }
  return `${name1.join('')}_${name2.join('')}_${label}`;
}

/**
 * `ChooseRelationName`: the serial sequence name, with `seq1`, `seq2`, ... while `isTaken` says a
 * relation of that name already exists in the schema.
 */
export function chooseSequenceName(
  table: string,
  column: string,
  isTaken: (name: string) => boolean,
): string {
  let name = serialSequenceName(table, column);
  for (let pass = 1; isTaken(name); pass += 1) name = serialSequenceName(table, column, `seq${pass}`);
  return name;
}
