/**
 * Names PostgreSQL chooses for the objects it creates implicitly (the sequence behind a `serial`
 * column), so a static fold of migrations names them as the server does.
 *
 * @see https://github.com/postgres/postgres/blob/REL_16_STABLE/src/backend/commands/indexcmds.c (makeObjectName, ChooseRelationName)
 */

/** `NAMEDATALEN - 1`: the longest identifier, in bytes. */
const maxIdentifierBytes = 63;

/**
 * The name of the sequence PostgreSQL creates for a `serial` column (`<table>_<column>_seq`),
 * shortened as `makeObjectName` does when longer than 63 bytes (the longer of table and column
 * name loses bytes first, never splitting a UTF-8 character). When `isTaken` says a name is used
 * by another relation of the schema, `ChooseRelationName` appends 1, 2, ... to the label
 * (`t_id_seq1`).
 */
export function serialSequenceName(
  table: string,
  column: string,
  isTaken: (name: string) => boolean = () => false,
): string {
  for (let pass = 0; ; pass += 1) {
    const name = makeObjectName(table, column, pass === 0 ? 'seq' : `seq${pass}`);
    if (!isTaken(name)) return name;
  }
}

/** PostgreSQL's `makeObjectName(name1, name2, label)`, lengths counted in UTF-8 bytes. */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  const encoder = new TextEncoder();
  let chars1 = encoder.encode(name1).length;
  let chars2 = name2 === undefined ? 0 : encoder.encode(name2).length;
  const overhead =
    (label === undefined ? 0 : encoder.encode(label).length + 1) + (name2 === undefined ? 0 : 1);
  const available = maxIdentifierBytes - overhead;
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1 -= 1;
    else chars2 -= 1;
  }
  const parts = [clipBytes(name1, chars1)];
  if (name2 !== undefined) parts.push(clipBytes(name2, chars2));
  if (label !== undefined) parts.push(label);
  return parts.join('_');
}

/** The longest prefix of `text` of at most `bytes` UTF-8 bytes that ends on a character boundary. */
function clipBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}
