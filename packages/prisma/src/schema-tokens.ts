/**
 * The tokens of a schema file exactly as `@mrleebo/prisma-ast` 0.15.0's chevrotain lexer makes
 * them: the same patterns tried in the same order (first match wins; `true`/`false`/`null` give way
 * to a longer identifier), the same positions (1-based lines and UTF-16 columns, a line ending at
 * `\n`, `\r\n` or a lone `\r`), and line breaks as tokens only where that lexer makes them (a
 * `\n` after spaces is part of the whitespace, which is skipped).
 *
 * Where prisma-ast's lexer would report an error and skip a character, {@link tokenize} returns
 * `undefined` instead: the caller then reads the file with prisma-ast itself.
 *
 * @see https://github.com/MrLeebo/prisma-ast/blob/v0.15.0/src/lexer.ts (the token patterns)
 */

/** A token kind: punctuation as written, `Comment` (`//` and `///`), literals, `Identifier`, `EOF`. */
export type TokenKind =
  | 'Comment'
  | 'LineBreak'
  | '@@'
  | '@'
  | '.'
  | '?'
  | '{'
  | '}'
  | '['
  | ']'
  | '('
  | ')'
  | ','
  | ':'
  | '='
  | 'true'
  | 'false'
  | 'null'
  | 'String'
  | 'Number'
  | 'Identifier'
  | 'EOF';

/** One token: its text and where it starts and ends (offsets in UTF-16 units, ends inclusive). */
export interface Token {
  readonly kind: TokenKind;
  readonly image: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const whitespace = /\s+/y;
const comment = /\/\/.*/y;
const identifier = /[a-zA-Z][\w-]*/y;
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// prisma-ast's string pattern, including its `(:?` groups (an optional `:` after the backslash).
const string = /"(?:[^\\"\n\r]|\\(?::?[bfnrtv"\\/]|u[0-9a-fA-F]{4}))*"/y;

const punctuation: ReadonlySet<string> = new Set(['.', '?', '{', '}', '[', ']', '(', ')', ',', ':', '=']);

/** The length of `pattern`'s match at `at`, 0 when none. */
function matchLength(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : 0;
}

/**
 * The kind and length of the token at `at` (`WhiteSpace` for skipped text), in prisma-ast's
 * pattern order, or undefined when no pattern matches.
 */
function scan(text: string, at: number): { kind: TokenKind | 'WhiteSpace'; length: number } | undefined {
  const c = text[at]!;
  if (c === '/') {
    const length = matchLength(comment, text, at);
    return length > 0 ? { kind: 'Comment', length } : undefined;
  }
  if (c === '\n') return { kind: 'LineBreak', length: 1 };
  if (c === '\r' && text[at + 1] === '\n') return { kind: 'LineBreak', length: 2 };
  const spaces = matchLength(whitespace, text, at);
  if (spaces > 0) return { kind: 'WhiteSpace', length: spaces };
  if (c === '@') return text[at + 1] === '@' ? { kind: '@@', length: 2 } : { kind: '@', length: 1 };
  if (punctuation.has(c)) return { kind: c as TokenKind, length: 1 };
  if (c === '"') {
    const length = matchLength(string, text, at);
    return length > 0 ? { kind: 'String', length } : undefined;
  }
  const digits = matchLength(number, text, at);
  if (digits > 0) return { kind: 'Number', length: digits };
  const letters = matchLength(identifier, text, at);
  if (letters === 0) return undefined;
  const word = text.slice(at, at + letters);
  const keyword = word === 'true' || word === 'false' || word === 'null';
  return { kind: keyword ? (word as TokenKind) : 'Identifier', length: letters };
}

/**
 * The tokens of `text` (whitespace dropped, line breaks and comments kept), ending with `EOF`, or
 * `undefined` where prisma-ast's lexer would meet a character no token pattern matches.
 */
export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let at = 0;
  while (at <= text.length) {
    const token = at < text.length ? scan(text, at) : { kind: 'EOF' as const, length: 0 };
    if (!token) return undefined;
    const end = at + token.length;
    if (token.kind !== 'WhiteSpace') {
      const column = at - lineStart + 1;
      tokens.push({
        kind: token.kind,
        image: text.slice(at, end),
        startOffset: at,
        endOffset: end - 1,
        startLine: line,
        startColumn: column,
        endLine: line,
        endColumn: column + token.length - 1,
      });
    }
    if (token.kind === 'WhiteSpace' || token.kind === 'LineBreak') {
      // Line ends as chevrotain counts them in these tokens: `\n`, `\r\n`, a lone `\r`.
      for (let i = at; i < end; i += 1) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
          line += 1;
          lineStart = i + 1;
        }
      }
    }
    if (token.kind === 'EOF') break;
    at = end;
  }
  return tokens;
}
