/**
 * The schema path in `prisma.config.ts` and `package.json`, read statically: gander never runs a
 * project's TypeScript.
 *
 * @see https://www.prisma.io/docs/orm/reference/prisma-config-reference
 * @see https://www.prisma.io/docs/orm/prisma-schema/overview/location
 */
import { GanderError } from '@gander/schema';

/** Removes `//` and `/* *\/` comments, keeping string literals intact. */
function stripComments(source: string): string {
  return source.replace(
    /("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
    (m, str) => (str ? m : ' '),
  );
}

/** The text of a string literal (`'a'`, `"a"`, or a template literal without `${}`), else undefined. */
function literal(text: string): string | undefined {
  const m = /^\s*(['"`])((?:\\.|(?!\1).)*)\1\s*$/s.exec(text);
  if (!m || (m[1] === '`' && m[2]!.includes('${'))) return undefined;
  return m[2]!.replace(/\\(.)/g, '$1');
}

/** The expression starting at `start`, up to the first top-level `,`, `}` or line break. */
function expressionAt(text: string, start: number): string {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[') depth += 1;
    else if (c === ')' || c === ']') depth -= 1;
    else if (depth === 0 && (c === ',' || c === '}' || c === '\n')) return text.slice(start, i).trim();
  }
  return text.slice(start).trim();
}

/**
 * The `schema` property of a `defineConfig({...})` / exported object in prisma.config.ts: a string
 * literal, or `path.join(...)` / `join(...)` / `path.resolve(__dirname, ...)` of string literals.
 * `undefined` when the config has no `schema` (Prisma then uses its default locations).
 *
 * @throws GanderError `CONFIG` when `schema` is an expression gander cannot read without running it.
 */
export function schemaPathFromConfig(source: string, file: string): string | undefined {
  const text = stripComments(source);
  const match = /(?:^|[\s{,])schema\s*:\s*/m.exec(text);
  if (!match) return undefined;
  const value = expressionAt(text, match.index + match[0].length);
  const direct = literal(value);
  if (direct !== undefined) return direct;
  const call = /^(?:path\.)?(?:join|resolve)\(([\s\S]*)\)$/.exec(value);
  if (call) {
    const parts = call[1]!
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '' && p !== '__dirname' && p !== 'import.meta.dirname');
    const texts = parts.map(literal);
    if (texts.every((t) => t !== undefined)) return texts.join('/');
  }
  throw new GanderError('CONFIG', `${file}: cannot read \`schema: ${value}\` without running the config`, {
    hint: 'write the schema path as a string literal, or pass the .prisma file or folder to gander directly',
  });
}

/** `prisma.schema` of a package.json, if present. */
export function schemaPathFromPackageJson(source: string): string | undefined {
  const pkg = JSON.parse(source) as { prisma?: { schema?: unknown } };
  return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined;
}
