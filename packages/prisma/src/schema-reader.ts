/**
 * A fast reader of schema files: the nodes `@mrleebo/prisma-ast` 0.15.0's `getSchema` builds (with
 * full location tracking), for the files its grammar accepts, without loading prisma-ast and
 * chevrotain (half a second at start-up, and a slow first parse).
 *
 * It follows prisma-ast's grammar rule for rule, line breaks included (a block's `{` must end its
 * line; an argument list cannot span lines), and builds the same nodes: values as their token text
 * (strings keep their quotes, numbers stay text), a function's positional parameters before its
 * named ones, `location` as the smallest line and the smallest column of the tokens prisma-ast
 * takes it from. Blocks, fields, attributes, enum values and datasource assignments are built;
 * comments and blank lines, which nothing reads, are not.
 *
 * Anything outside that grammar, or where prisma-ast's visitor would build something odd (an empty
 * block, `key = value` in a model, an unknown block keyword), makes {@link readSchemaText} return
 * `undefined`, and the caller reads the file with prisma-ast, which gives its own result or error.
 * `test/schema-reader.test.ts` checks that both readers agree on every schema of the fixtures and
 * corpora.
 *
 * @see https://github.com/MrLeebo/prisma-ast/blob/v0.15.0/src/parser.ts (the grammar)
 * @see https://github.com/MrLeebo/prisma-ast/blob/v0.15.0/src/visitor.ts (the nodes)
 */
import type { RawAttribute, RawBlock, RawLocation, RawNode, RawValue } from './raw-schema.js';
import { type Token, type TokenKind, tokenize } from './schema-tokens.js';

/** Thrown inside the reader where prisma-ast's grammar would not go on; caught by {@link readSchemaText}. */
class Unreadable extends Error {}

/** prisma-ast's `location`: the smallest start line and the smallest start column of `tokens`. */
function startOf(...tokens: (Token | undefined)[]): RawLocation {
  let startLine = Number.POSITIVE_INFINITY;
  let startColumn = Number.POSITIVE_INFINITY;
  for (const t of tokens) {
    if (!t) continue;
    if (t.startLine < startLine) startLine = t.startLine;
    if (t.startColumn < startColumn) startColumn = t.startColumn;
  }
  return { startLine, startColumn };
}

/**
 * The whole location of one name token, as prisma-ast gives it to functions and named arguments
 * (a name never spans lines; ends are inclusive).
 */
function tokenLocation(t: Token): RawLocation {
  const last = t.image.length - 1;
  return {
    startLine: t.startLine,
    startColumn: t.startColumn,
    startOffset: t.startOffset,
    endLine: t.startLine,
    endColumn: t.startColumn + last,
    endOffset: t.startOffset + last,
  };
}

const blockKinds: ReadonlySet<string> = new Set(['model', 'view', 'type', 'enum', 'datasource', 'generator']);

class Reader {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(ahead = 0): TokenKind {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)]!.kind;
  }

  private take(kind: TokenKind): Token {
    const token = this.tokens[this.at]!;
    if (token.kind !== kind) throw new Unreadable();
    this.at += 1;
    return token;
  }

  /** `schema`: comments, blocks and line breaks up to the end of the file. */
  schema(): RawBlock[] {
    const blocks: RawBlock[] = [];
    for (;;) {
      const kind = this.peek();
      if (kind === 'EOF') return blocks;
      if (kind === 'Comment' || kind === 'LineBreak') this.at += 1;
      else if (kind === 'Identifier') blocks.push(this.component());
      else throw new Unreadable();
    }
  }

  /** `component`: `model Name { ... }` and the other block kinds. */
  private component(): RawBlock {
    const type = this.take('Identifier');
    if (!blockKinds.has(type.image)) throw new Unreadable();
    if (this.peek() === 'Identifier' && this.peek(1) === '.') throw new Unreadable();
    const name = this.take('Identifier');
    const items = this.block(type.image);
    const location = startOf(type, name);
    switch (type.image) {
      case 'enum':
        return { type: 'enum', name: name.image, enumerators: items, location };
      case 'datasource':
      case 'generator':
        return { type: type.image, name: name.image, assignments: items, location };
      default:
        return {
          type: type.image as 'model' | 'view' | 'type',
          name: name.image,
          properties: items,
          location,
        };
    }
  }

  /** `block`: `{`, a line break, then items up to `}`. */
  private block(kind: string): RawNode[] {
    const object = kind === 'model' || kind === 'view' || kind === 'type';
    this.take('{');
    this.take('LineBreak');
    const items: RawNode[] = [];
    for (;;) {
      const next = this.peek();
      if (next === '}') break;
      if (next === 'Comment' || next === 'LineBreak') {
        this.at += 1;
      } else if (next === '@@') {
        items.push(this.attribute('@@'));
      } else if (next === 'Identifier' && this.peek(1) === '=') {
        // A `property` in a model (its visitor leaves it undefined); in an enum, a value or an assignment.
        if (object || kind === 'enum') throw new Unreadable();
        items.push(this.assignment());
      } else if (next === 'Identifier' && object) {
        items.push(this.field());
      } else if (next === 'Identifier' && kind === 'enum') {
        items.push(this.enumerator());
      } else {
        throw new Unreadable();
      }
    }
    this.take('}');
    // prisma-ast's visitor returns no list for a block without items, which its users cannot read.
    if (items.length === 0) throw new Unreadable();
    return items;
  }

  private assignment(): RawNode {
    const key = this.take('Identifier');
    this.take('=');
    return { type: 'assignment', key: key.image, value: this.value(), location: startOf(key) };
  }

  private field(): RawNode {
    const name = this.take('Identifier');
    const fieldType = this.value();
    let array: Token | undefined;
    let optional: Token | undefined;
    if (this.peek() === '[') {
      array = this.take('[');
      this.take(']');
    } else if (this.peek() === '?') {
      optional = this.take('?');
    }
    const attributes = this.fieldAttributes();
    if (this.peek() === 'Comment') this.at += 1;
    return {
      type: 'field',
      name: name.image,
      fieldType,
      array: array !== undefined,
      optional: optional !== undefined,
      ...(attributes ? { attributes } : {}),
      location: startOf(name, optional, array),
    };
  }

  private enumerator(): RawNode {
    const name = this.take('Identifier');
    const attributes = this.fieldAttributes();
    if (this.peek() === 'Comment') this.at += 1;
    return {
      type: 'enumerator',
      name: name.image,
      ...(attributes ? { attributes } : {}),
      location: startOf(name),
    };
  }

  private fieldAttributes(): RawAttribute[] | undefined {
    const attributes: RawAttribute[] = [];
    while (this.peek() === '@') attributes.push(this.attribute('@'));
    return attributes.length > 0 ? attributes : undefined;
  }

  /** `fieldAttribute` / `blockAttribute`: `@name`, `@group.name`, with an optional argument list. */
  private attribute(marker: '@' | '@@'): RawAttribute {
    const at = this.take(marker);
    let group: Token | undefined;
    if (this.peek() === 'Identifier' && this.peek(1) === '.') {
      group = this.take('Identifier');
      this.take('.');
    }
    const name = this.take('Identifier');
    let args: { type: 'attributeArgument'; value: RawValue }[] | undefined;
    if (this.peek() === '(') {
      this.take('(');
      const items = this.list(')', () => ({
        type: 'attributeArgument' as const,
        value: this.keyedOrValue(),
      }));
      if (items.length > 0) args = items;
    }
    return {
      type: 'attribute',
      name: name.image,
      kind: marker === '@' ? 'field' : 'object',
      ...(group ? { group: group.image } : {}),
      ...(args ? { args } : {}),
      location: startOf(name, at, group),
    };
  }

  /** Items separated by `,` (none, or one or more; no trailing comma) up to `close`, consumed. */
  private list<T>(close: TokenKind, item: () => T): T[] {
    const items: T[] = [];
    if (this.peek() !== close) {
      items.push(item());
      while (this.peek() === ',') {
        this.at += 1;
        items.push(item());
      }
    }
    this.take(close);
    return items;
  }

  /** `keyedArg` (`name: value`) or `value`. */
  private keyedOrValue(): RawValue {
    if (this.peek() === 'Identifier' && this.peek(1) === ':') return this.keyed();
    return this.value();
  }

  private keyed(): RawValue {
    const key = this.take('Identifier');
    this.take(':');
    return { type: 'keyValue', key: key.image, value: this.value(), location: tokenLocation(key) };
  }

  /** `value`: a literal or identifier as its text, an array, an object or a function call. */
  private value(): RawValue {
    const token = this.tokens[this.at]!;
    switch (token.kind) {
      case 'String':
      case 'Number':
      case 'true':
      case 'false':
      case 'null':
        this.at += 1;
        return token.image;
      case '[': {
        this.at += 1;
        const args = this.list(']', () => this.value());
        return { type: 'array', args: args.length > 0 ? args : undefined };
      }
      case '{': {
        this.at += 1;
        const properties = this.list('}', () => this.keyed());
        return { type: 'object', properties } as RawValue;
      }
      case 'Identifier': {
        this.at += 1;
        if (this.peek() !== '(') return token.image;
        this.at += 1;
        const positional: RawValue[] = [];
        const named: RawValue[] = [];
        this.list(')', () => {
          const v = this.keyedOrValue();
          if (
            typeof v === 'object' &&
            v !== null &&
            !Array.isArray(v) &&
            'type' in v &&
            v.type === 'keyValue'
          ) {
            named.push(v);
          } else {
            positional.push(v);
          }
        });
        const params = positional.length + named.length > 0 ? [...positional, ...named] : undefined;
        return { type: 'function', name: token.image, params, location: tokenLocation(token) };
      }
      default:
        throw new Unreadable();
    }
  }
}

/**
 * The blocks of one schema file as prisma-ast's `getSchema(text).list` holds them (comments and
 * blank lines left out), or `undefined` when the text is outside what this reader knows to read
 * the way prisma-ast does.
 */
export function readSchemaText(text: string): RawBlock[] | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  try {
    return new Reader(tokens).schema();
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}
