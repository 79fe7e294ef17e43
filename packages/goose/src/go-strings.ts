/**
 * The few Go standard-library string functions whose exact behaviour goose's SQL parser depends
 * on: `unicode.IsSpace` / `strings.TrimSpace`, `bufio.ScanWords` and `strconv.Quote` (`%q`).
 *
 * NOTE: JavaScript's `String.prototype.trim` differs from Go's `strings.TrimSpace`: it also trims
 * U+FEFF (so it would hide goose's BOM error) and does not trim U+0085 (NEL). Never use it here.
 *
 * @see https://pkg.go.dev/unicode#IsSpace
 * @see https://pkg.go.dev/strconv#Quote
 */

/** Go `unicode.IsSpace` (identical to `bufio.isSpace`), for one UTF-16 code unit. */
export function isGoSpace(code: number): boolean {
  if (code <= 0xff) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0;
  }
  if (code >= 0x2000 && code <= 0x200a) return true;
  return (
    code === 0x1680 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Go `strings.TrimSpace`: removes leading and trailing `unicode.IsSpace` characters. */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** 0-based UTF-16 index of the first character that is not Go whitespace, or -1 if there is none. */
export function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isGoSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Go `bufio.ScanWords` over one line: the non-empty runs of non-`unicode.IsSpace` characters. */
export function goWords(line: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const space = i === line.length || isGoSpace(line.charCodeAt(i));
    if (space) {
      if (start >= 0) words.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  return words;
}

const GRAPHIC = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isGoPrint(codePoint: number): boolean {
  if (codePoint <= 0xff) {
    if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
    return codePoint >= 0xa1 && codePoint <= 0xff && codePoint !== 0xad;
  }
  return GRAPHIC.test(String.fromCodePoint(codePoint));
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

/**
 * Go `strconv.Quote` (what `fmt`'s `%q` prints for a string): double-quoted, `"` and `\` escaped,
 * non-printable characters as `\n`, `\x1b`, `\ufeff`, `\U0001f600`.
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp === 0x22 || cp === 0x5c) out += `\\${char}`;
    else if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\ufffd'; // a lone surrogate: Go sees invalid UTF-8
    else if (isGoPrint(cp)) out += char;
    else if (SHORT_ESCAPES[cp] !== undefined) out += SHORT_ESCAPES[cp];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
