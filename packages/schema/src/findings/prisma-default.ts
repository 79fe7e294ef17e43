/**
 * A column default as Prisma writes it: `@default("anonymous")`, `@default(42)`, `@default(true)`,
 * `@default(ACTIVE)`, `@default(["a", "b"])`, `@default(now())`, `@default(autoincrement())`, and
 * `@default(dbgenerated("..."))` for the rest. The rules are `prisma db pull`'s (what Prisma reads
 * back from the database as a literal, per Prisma type):
 * - `String` (text, varchar, char, xml, inet, citext, bit, varbit) and `Json`: a string literal;
 * - `Int`, `BigInt`: an integer (or a string holding one); `nextval(...)`: `autoincrement()`;
 * - `Float`, `Decimal`: a number without exponent (or a string holding one);
 * - `Boolean`: `true` / `false`; `DateTime`: `CURRENT_TIMESTAMP` / `now()` only;
 * - `Bytes`: a `'\x...'` hex string, written in base64 as Prisma does;
 * - enums: a label, written as the Prisma name of the enum value;
 * - lists: `ARRAY[...]` or `'{...}'` of such literals.
 * NOTE: a `uuid` column's literal stays `dbgenerated("'...'")`: db pull reads no uuid literal, so a
 * `@default("...")` on `@db.Uuid` would read back as another default.
 *
 * Input is the model's canonical default (`normalizeDefault`: literal casts dropped, `E'...'` only
 * for backslashes).
 *
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/sql-schema-describer/src/postgres/default.rs
 * @see https://github.com/prisma/prisma-engines/blob/main/schema-engine/sql-schema-describer/src/postgres/default/c_style_scalar_lists.rs
 */
import type { QualifiedName } from '../model.js';
import { enumValueNameOf, type PrismaNaming } from './prisma-names.js';
import { prismaType } from './prisma-types.js';

type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'now' }
  | { readonly kind: 'nextval' }
  | { readonly kind: 'array'; readonly items: readonly Literal[] };

const E_ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Reads canonical default text as one literal; undefined for anything else (calls, casts, operators). */
function readLiteral(text: string): Literal | undefined {
  let pos = 0;
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos += 1;
  };
  const eat = (token: string) => {
    skip();
    if (!text.startsWith(token, pos)) return false;
    pos += token.length;
    return true;
  };
  const string = (escapes: boolean): string | undefined => {
    let out = '';
    for (pos += 1; pos < text.length; pos += 1) {
      const c = text[pos] as string;
      if (c === "'") {
        if (text[pos + 1] !== "'") {
          pos += 1;
          return out;
        }
        out += "'";
        pos += 1;
      } else if (c === '\\' && escapes) {
        const next = text[pos + 1] as string;
        const hex = /^(?:x([0-9a-fA-F]{1,2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0-7]{1,3}))/.exec(
          text.slice(pos + 1),
        );
        if (hex) {
          const octal = hex[4];
          const code =
            octal !== undefined
              ? Number.parseInt(octal, 8)
              : Number.parseInt(hex[1] ?? hex[2] ?? hex[3] ?? '', 16);
          out += String.fromCodePoint(code);
          pos += hex[0].length;
        } else {
          out += E_ESCAPES[next] ?? next;
          pos += 1;
        }
      } else out += c;
    }
    return undefined;
  };
  const value = (): Literal | undefined => {
    skip();
    const rest = text.slice(pos);
    if (rest.startsWith("'") || /^[eE]'/.test(rest)) {
      if (rest[0] !== "'") pos += 1;
      const s = string(rest[0] !== "'");
      return s === undefined ? undefined : { kind: 'string', value: s };
    }
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      pos += number[0].length;
      return { kind: 'number', text: number[0] };
    }
    if (/^ARRAY\s*\[/i.test(rest)) {
      pos += rest.indexOf('[') + 1;
      const items: Literal[] = [];
      if (eat(']')) return { kind: 'array', items };
      do {
        const item = value();
        if (!item) return undefined;
        items.push(item);
      } while (eat(','));
      return eat(']') ? { kind: 'array', items } : undefined;
    }
    const call = /^(now\s*\(\s*\)|nextval\s*\(\s*'(?:[^']|'')*'\s*\))/i.exec(rest);
    if (call) {
      pos += call[0].length;
      return { kind: /^now/i.test(call[0]) ? 'now' : 'nextval' };
    }
    const word = /^[A-Za-z_]+/.exec(rest);
    if (!word) return undefined;
    pos += word[0].length;
    return word[0].toUpperCase() === 'CURRENT_TIMESTAMP' ? { kind: 'now' } : { kind: 'word', word: word[0] };
  };
  const literal = value();
  skip();
  return pos === text.length ? literal : undefined;
}

/** The elements of a PostgreSQL array literal `{a,"b c"}`; undefined for NULLs and nested arrays. */
function readArrayLiteral(text: string): string[] | undefined {
  const match = /^\s*\{(.*)\}\s*$/s.exec(text);
  if (!match) return undefined;
  const body = match[1] as string;
  if (body.trim() === '') return [];
  const items: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^,{}"\\]*?))\s*(,|$)/sy;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m || m[0] === '') return undefined;
    if (m[1] !== undefined) items.push(m[1].replace(/\\(.)/gs, '$1'));
    else if ((m[2] as string).toUpperCase() === 'NULL' || m[2] === '') return undefined;
    else items.push(m[2] as string);
    pos = re.lastIndex;
    if (m[3] === '') break;
  }
  return items;
}

const base64 = (bytes: readonly number[]) => btoa(String.fromCharCode(...bytes));
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** What one scalar literal is in Prisma for a field of `family`; undefined when db pull reads it as no value. */
function scalarValue(
  literal: Literal,
  family: string,
  enumType: QualifiedName | undefined,
  naming: PrismaNaming,
): string | undefined {
  const text =
    literal.kind === 'string' ? literal.value : literal.kind === 'number' ? literal.text : undefined;
  switch (family) {
    case 'String':
    case 'Json':
      return literal.kind === 'string' ? JSON.stringify(literal.value) : undefined;
    case 'Int':
    case 'BigInt':
      return text !== undefined &&
        INTEGER.test(text.trim()) &&
        BigInt.asIntN(64, BigInt(text.trim())) === BigInt(text.trim())
        ? String(BigInt(text.trim()))
        : undefined;
    case 'Float':
    case 'Decimal':
      return text !== undefined && DECIMAL.test(text.trim()) ? text.trim() : undefined;
    case 'Boolean':
      return literal.kind === 'word' && /^(true|false)$/i.test(literal.word)
        ? literal.word.toLowerCase()
        : undefined;
    case 'Bytes': {
      const hex = literal.kind === 'string' ? /^\\x((?:[0-9a-fA-F]{2})*)$/.exec(literal.value) : null;
      if (!hex) return undefined;
      const bytes = (hex[1] as string).match(/../g) ?? [];
      return JSON.stringify(base64(bytes.map((b) => Number.parseInt(b, 16))));
    }
    case 'enum':
      return literal.kind === 'string' && enumType
        ? enumValueNameOf(naming, enumType, literal.value)
        : undefined;
    default:
      return undefined;
  }
}

/** `schema.name` of an enum type's canonical spelling (`public."Mood"` -> Mood). */
function enumTypeOf(type: string): QualifiedName | undefined {
  const match = /^("(?:[^"]|"")*"|[^".]+)\.("(?:[^"]|"")*"|[^".]+)$/.exec(type.replace(/(\[\])+$/, ''));
  if (!match) return undefined;
  const unquote = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);
  return { schema: unquote(match[1] as string), name: unquote(match[2] as string) };
}

/**
 * The `@default(...)` attribute of a column with the canonical default `expression` and the
 * canonical type `type`; `naming` gives the Prisma names of enum types and values.
 */
export function prismaDefault(expression: string, type: string, naming: PrismaNaming = {}): string {
  const target = prismaType(type, naming.enums ?? []);
  const family =
    target.category === 'enum'
      ? 'enum'
      : target.category === 'unsupported' || target.attribute === '@db.Uuid'
        ? 'unsupported'
        : target.type;
  const enumType = family === 'enum' ? enumTypeOf(type) : undefined;
  const literal = readLiteral(expression);
  let value: string | undefined;
  if (literal && target.list) {
    const items =
      literal.kind === 'array'
        ? literal.items
        : literal.kind === 'string'
          ? readArrayLiteral(literal.value)?.map((item): Literal => ({ kind: 'string', value: item }))
          : undefined;
    // The elements of '{t,f}' are words to a Boolean list (numbers in strings count as numbers anyway).
    const read = literal.kind === 'string' && family === 'Boolean' ? booleanWord : (item: Literal) => item;
    const values = items?.map((item) => scalarValue(read(item), family, enumType, naming));
    if (values?.every((v) => v !== undefined)) value = `[${values.join(', ')}]`;
  } else if (literal && !target.list) {
    if (literal.kind === 'now') value = family === 'DateTime' ? 'now()' : undefined;
    else if (literal.kind === 'nextval')
      value = family === 'Int' || family === 'BigInt' ? 'autoincrement()' : undefined;
    else value = scalarValue(literal, family, enumType, naming);
  }
  return `@default(${value ?? `dbgenerated(${JSON.stringify(expression)})`})`;
}

/** An element of an array literal as the boolean word it spells (`t`, `false`), else the string. */
function booleanWord(item: Literal): Literal {
  if (item.kind !== 'string') return item;
  const text = item.value.trim();
  if (/^(t|true)$/i.test(text)) return { kind: 'word', word: 'true' };
  if (/^(f|false)$/i.test(text)) return { kind: 'word', word: 'false' };
  return item;
}
