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

/** One token: its text and where it starts (offset in UTF-16 units, 1-based line and column). */
export interface Token {
  readonly kind: TokenKind;
  readonly image: string;
  readonly startOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
}

// JavaScript's `\s`, prisma-ast's whitespace pattern, for characters outside ASCII.
const otherSpace = /\s/;
const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// prisma-ast's string pattern, including its `(:?` groups (an optional `:` after the backslash).
const string = /"(?:[^\\"\n\r]|\\(?::?[bfnrtv"\\/]|u[0-9a-fA-F]{4}))*"/y;

/** Single-character tokens by character code: `.`, `?`, braces, brackets, parentheses, `,`, `:`, `=`. */
const punctuation: ReadonlyMap<number, TokenKind> = new Map(
  (['.', '?', '{', '}', '[', ']', '(', ')', ',', ':', '='] as const).map((c) => [c.charCodeAt(0), c]),
);

/** `\s` (space, tab, line ends, vertical tab, form feed, and Unicode spaces). */
function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || (code > 127 && otherSpace.test(String.fromCharCode(code)))
  );
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** `[\w-]`: ASCII letters, digits, `_` and `-`. */
function isWordOrDash(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** The length of `pattern`'s match at `at`, 0 when none. */
function matchLength(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex - at : 0;
}

/** The kind of the token {@link scan} read last: its second result, kept out of an object for speed. */
let kind: TokenKind | 'WhiteSpace' = 'EOF';

/**
 * The end of the token at `at` in prisma-ast's pattern order (comments, line breaks, whitespace,
 * `@@`, `@`, punctuation, keywords, strings, numbers, identifiers), its kind left in `kind`; -1
 * when no pattern matches.
 */
function scan(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 47 /* / */) {
    if (text.charCodeAt(at + 1) !== 47) return -1;
    let end = at + 2;
    // `.` stops at \n, \r, U+2028 and U+2029.
    for (let c = text.charCodeAt(end); end < text.length; c = text.charCodeAt(++end)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    }
    kind = 'Comment';
    return end;
  }
  if (code === 10) {
    kind = 'LineBreak';
    return at + 1;
  }
  if (code === 13 && text.charCodeAt(at + 1) === 10) {
    kind = 'LineBreak';
    return at + 2;
  }
  if (isSpace(code)) {
    let end = at + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    kind = 'WhiteSpace';
    return end;
  }
  if (code === 64 /* @ */) {
    const block = text.charCodeAt(at + 1) === 64;
    kind = block ? '@@' : '@';
    return at + (block ? 2 : 1);
  }
  const single = punctuation.get(code);
  if (single) {
    kind = single;
    return at + 1;
  }
  if (code === 34 /* " */) {
    const length = matchLength(string, text, at);
    kind = 'String';
    return length > 0 ? at + length : -1;
  }
  if (code === 45 /* - */ || (code >= 48 && code <= 57)) {
    const length = matchLength(number, text, at);
    kind = 'Number';
    return length > 0 ? at + length : -1;
  }
  if (!isLetter(code)) return -1;
  let end = at + 1;
  while (end < text.length && isWordOrDash(text.charCodeAt(end))) end += 1;
  // `true`, `false` and `null` give way to a longer identifier (chevrotain's `longer_alt`).
  const length = end - at;
  const word = length === 4 || length === 5 ? text.slice(at, end) : '';
  kind = word === 'true' || word === 'false' || word === 'null' ? word : 'Identifier';
  return end;
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
  while (at < text.length) {
    const end = scan(text, at);
    if (end < 0) return undefined;
    if (kind === 'WhiteSpace' || kind === 'LineBreak') {
      if (kind === 'LineBreak') {
        tokens.push({
          kind,
          image: text.slice(at, end),
          startOffset: at,
          startLine: line,
          startColumn: at - lineStart + 1,
        });
      }
      // Line ends as chevrotain counts them in these tokens: `\n`, `\r\n`, a lone `\r`.
      for (let i = at; i < end; i += 1) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
          line += 1;
          lineStart = i + 1;
        }
      }
    } else {
      tokens.push({
        kind,
        image: text.slice(at, end),
        startOffset: at,
        startLine: line,
        startColumn: at - lineStart + 1,
      });
    }
    at = end;
  }
  tokens.push({ kind: 'EOF', image: '', startOffset: at, startLine: line, startColumn: at - lineStart + 1 });
  return tokens;
}
