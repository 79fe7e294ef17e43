/**
 * Recognition of goose's `-- +goose <Annotation>` lines, reproducing `extractAnnotation` and the
 * test that decides whether a line is an annotation at all.
 *
 * @see https://github.com/pressly/goose/blob/520411a16119bd3b332613d1ff8312c4cc249673/internal/sqlparser/parser.go
 */
import { goQuote, goTrimSpace } from './go-strings.js';

/** The seven annotations goose knows, in goose's canonical spelling. */
export type Annotation =
  | 'Up'
  | 'Down'
  | 'StatementBegin'
  | 'StatementEnd'
  | 'NO TRANSACTION'
  | 'ENVSUB ON'
  | 'ENVSUB OFF';

const SUPPORTED: readonly Annotation[] = [
  'Up',
  'Down',
  'StatementBegin',
  'StatementEnd',
  'NO TRANSACTION',
  'ENVSUB ON',
  'ENVSUB OFF',
];

/**
 * Whether goose treats `line` as an annotation line: after Go `strings.TrimSpace` it starts with
 * `--`, and the raw line contains `+goose` (case-sensitive, anywhere: `-- managed by +goose` counts,
 * `-- +GOOSE Up` does not).
 */
export function isAnnotationLine(line: string): boolean {
  return line.includes('+goose') && goTrimSpace(line).startsWith('--');
}

/** What {@link extractAnnotation} returns: the annotation, or goose's error detail text. */
export type AnnotationResult =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly detail: string };

/**
 * goose's `extractAnnotation` for a line that {@link isAnnotationLine} accepted. Rules, in order:
 * a line starting with a space or tab is invalid; every `--` is removed, then the first `+goose`; a
 * second `+goose` is invalid; the rest, Go-trimmed, must be non-empty and equal (ASCII and Unicode
 * case folding, as Go `strings.EqualFold`) one of the seven names, inner spacing exact.
 *
 * @returns the canonical annotation, or the error detail exactly as goose words it (the caller wraps
 *   it as `failed to parse annotation line "<line>": <detail>`).
 */
export function extractAnnotation(line: string): AnnotationResult {
  if (line.startsWith(' ') || line.startsWith('\t')) {
    return { ok: false, detail: `${goQuote(line)} contains leading whitespace: invalid annotation` };
  }
  let command = line.split('--').join('');
  command = command.replace('+goose', '');
  if (command.includes('+goose')) {
    return {
      ok: false,
      detail: `${goQuote(command)} contains multiple '+goose' annotations: invalid annotation`,
    };
  }
  command = goTrimSpace(command);
  if (command === '') return { ok: false, detail: 'empty annotation' };
  const found = SUPPORTED.find((name) => equalFold(name, command));
  if (found) return { ok: true, annotation: found };
  return { ok: false, detail: `${goQuote(command)} not supported: invalid annotation` };
}

/**
 * Go `strings.EqualFold` for a pure-ASCII `canonical`: equal under simple Unicode case folding.
 * Non-ASCII characters that fold to ASCII letters are accepted as Go does (U+212A KELVIN SIGN folds
 * to `k`, U+017F LONG S to `s`).
 */
function equalFold(canonical: string, text: string): boolean {
  const chars = [...text];
  if (chars.length !== canonical.length) return false;
  return chars.every((char, i) => foldsTo(char, canonical.charAt(i)));
}

function foldsTo(char: string, ascii: string): boolean {
  if (char === ascii) return true;
  const lower = ascii.toLowerCase();
  if (char.length === 1 && char.charCodeAt(0) < 0x80) return char.toLowerCase() === lower;
  return (char === '\u212a' && lower === 'k') || (char === '\u017f' && lower === 's');
}
