/**
 * `$VAR` / `${VAR...}` substitution as goose's `-- +goose ENVSUB ON` does it, reproducing
 * `github.com/mfridman/interpolate` v0.0.2 (a recursive-descent parser over one line).
 *
 * Grammar: `\\` stays `\\`; `\$` and `$$` become `$`; `$(` stays; a `$` as the last character stays;
 * `$NAME` / `${NAME}` (NAME = a letter, then letters, digits, `_`) is the value or empty when unset;
 * `${NAME:-x}` (x if unset or empty), `${NAME-x}` (x if unset), `${NAME?msg}` (error if unset),
 * `${NAME:off}` / `${NAME:off:len}` (a substring counted in UTF-8 bytes, as Go slices strings).
 * Anything else after `$` is an error, e.g. `Expected identifier to start with a letter, got 1`.
 *
 * @see https://github.com/mfridman/interpolate/blob/64fb0942bf9e1561b87c3ff780080318115028c4/parser.go
 */
import { goQuote, goTrimSpace } from './go-strings.js';

/** Looks a variable up: its value, or `undefined` when it is not set (Go `os.LookupEnv`). */
export type EnvLookup = (name: string) => string | undefined;

/** The error interpolate returns; its message is interpolate's text, byte for byte. */
export class InterpolateError extends Error {
  override readonly name = 'InterpolateError';
}

type Item = { readonly text: string } | { readonly expansion: Expansion };
type Expansion =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'empty-default'; readonly name: string; readonly content: readonly Item[] }
  | { readonly kind: 'unset-default'; readonly name: string; readonly content: readonly Item[] }
  | { readonly kind: 'required'; readonly name: string; readonly message: readonly Item[] }
  | { readonly kind: 'substring'; readonly name: string; readonly offset: number; readonly length?: number };

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const EOF = '';

/**
 * Expands one line (interpolate's `Interpolate(env, line)`).
 *
 * @throws InterpolateError with interpolate's message when the line does not parse (`$1`, `${A:?x}`)
 *   or a `${NAME?msg}` variable is unset.
 */
export function interpolate(line: string, env: EnvLookup): string {
  return expand(new Parser(line).parseExpression(''), env);
}

function expand(items: readonly Item[], env: EnvLookup): string {
  let out = '';
  for (const item of items) out += 'text' in item ? item.text : expandOne(item.expansion, env);
  return out;
}

function expandOne(e: Expansion, env: EnvLookup): string {
  const value = env(e.name);
  switch (e.kind) {
    case 'variable':
      return value ?? '';
    case 'empty-default':
      return value === undefined || value === '' ? expand(e.content, env) : value;
    case 'unset-default':
      return value === undefined ? expand(e.content, env) : value;
    case 'required': {
      if (value !== undefined) return value;
      const message = expand(e.message, env);
      throw new InterpolateError(`$${e.name}: ${message === '' ? 'not set' : message}`);
    }
    case 'substring':
      return substring(value ?? '', e.offset, e.length);
  }
}

/** `val[from:to]` of interpolate's SubstringExpansion, in UTF-8 bytes as Go slices strings. */
function substring(value: string, offset: number, length: number | undefined): string {
  const bytes = new TextEncoder().encode(value);
  let from = offset < 0 ? offset + bytes.length : offset;
  from = Math.min(Math.max(from, 0), bytes.length);
  let to = bytes.length;
  if (length !== undefined) {
    to = length >= 0 ? length + from : Math.max(length + bytes.length, from);
    to = Math.min(to, bytes.length);
  }
  return new TextDecoder().decode(bytes.subarray(from, to));
}

/** Go `fmt`'s `%c` of a rune; end of input (-1) prints as U+FFFD. */
function runeText(char: string): string {
  return char === EOF ? '\ufffd' : char;
}

class Parser {
  private pos = 0;
  constructor(private readonly input: string) {}

  parseExpression(stop: string): Item[] {
    const items: Item[] = [];
    for (;;) {
      const c = this.peek();
      if (c === EOF || stop.includes(c)) break;
      const rest = this.input.slice(this.pos, this.pos + 2);
      if (rest === '\\\\') {
        this.pos += 2;
        items.push({ text: '\\\\' });
        continue;
      }
      if (rest === '\\$' || rest === '$$') {
        this.pos += 2;
        items.push({ text: '$' });
        continue;
      }
      if (rest === '$(') {
        this.pos += 2;
        items.push({ text: '$(' });
        continue;
      }
      if (c === '$' && this.pos < this.input.length - 1) {
        items.push({ expansion: this.parseExpansion() });
        continue;
      }
      const first = this.next();
      const text = this.scanUntil((r) => r === '$' || r === '\\' || stop.includes(r));
      items.push({ text: first + text });
    }
    return items;
  }

  private parseExpansion(): Expansion {
    this.next(); // the '$'
    if (this.peek() === '{') return this.parseBrace();
    return { kind: 'variable', name: this.scanIdentifier() };
  }

  private parseBrace(): Expansion {
    this.next(); // the '{'
    const name = this.scanIdentifier();
    if (this.peek() === '}') {
      this.next();
      return { kind: 'variable', name };
    }
    let expansion: Expansion;
    const op = this.next();
    if (op === ':' && this.peek() === '-') {
      this.next();
      expansion = { kind: 'empty-default', name, content: this.parseExpression('}') };
    } else if (op === ':') {
      expansion = this.parseSubstring(name);
    } else if (op === '-') {
      expansion = { kind: 'unset-default', name, content: this.parseExpression('}') };
    } else if (op === '?') {
      expansion = { kind: 'required', name, message: this.parseExpression('}') };
    } else {
      throw new InterpolateError(`Expected an operator, got ${runeText(op)}`);
    }
    const close = this.next();
    if (close !== '}')
      throw new InterpolateError(`Expected brace expansion to end with }, got ${runeText(close)}`);
    return expansion;
  }

  private parseSubstring(name: string): Expansion {
    const offset = atoi(
      this.scanUntil((r) => r === ':' || r === '}'),
      'offset',
    );
    if (this.peek() === '}') return { kind: 'substring', name, offset };
    this.next();
    const length = atoi(
      this.scanUntil((r) => r === '}'),
      'length',
    );
    return { kind: 'substring', name, offset, length };
  }

  private scanIdentifier(): string {
    const c = this.peek();
    if (!LETTER.test(c))
      throw new InterpolateError(`Expected identifier to start with a letter, got ${runeText(c)}`);
    return this.scanUntil((r) => !LETTER.test(r) && !NUMBER.test(r) && r !== '_');
  }

  /** Consumes characters until `stop` holds; like Go's loop it also stops at U+FFFD (RuneError). */
  private scanUntil(stop: (char: string) => boolean): string {
    const start = this.pos;
    for (;;) {
      const c = this.peek();
      if (c === EOF || c === '\ufffd' || stop(c)) break;
      this.pos += c.length;
    }
    return this.input.slice(start, this.pos);
  }

  private next(): string {
    const c = this.peek();
    this.pos += c.length;
    return c;
  }

  private peek(): string {
    if (this.pos >= this.input.length) return EOF;
    const cp = this.input.codePointAt(this.pos) ?? 0;
    return String.fromCodePoint(cp);
  }
}

/** Go `strconv.Atoi` of the Go-trimmed text, with interpolate's error wording. */
function atoi(raw: string, what: 'offset' | 'length'): number {
  const text = goTrimSpace(raw);
  const fail = (reason: string): never => {
    throw new InterpolateError(`Unable to parse ${what}: strconv.Atoi: parsing ${goQuote(text)}: ${reason}`);
  };
  if (!/^[+-]?[0-9]+$/.test(text)) return fail('invalid syntax');
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) return fail('value out of range');
  return Number(value);
}
