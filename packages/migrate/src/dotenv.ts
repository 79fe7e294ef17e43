/**
 * goose's `.env` loading (godotenv `Load`): `KEY=VALUE` lines (optional `export `, quotes, `#`
 * comments) added to the environment without overriding variables already set.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/cmd/goose/main.go (`-env`)
 */
import { existsSync, readFileSync } from 'node:fs';
import { GanderError } from '@gander/schema';

/** Parses `.env` text into pairs. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*[=:]\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = (m[2] as string).trim();
    if (/^"(.*)"$/s.test(value))
      value = value
        .slice(1, -1)
        .replace(/\\n/g, '\n')
        .replace(/\\(["\\])/g, '$1');
    else if (/^'(.*)'$/s.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out[m[1] as string] = value;
  }
  return out;
}

/**
 * The environment after goose's `-env` handling: `''` loads `<cwd>/.env` if present, `none` loads
 * nothing, a path must exist. Existing variables win.
 *
 * @throws GanderError `FILE_NOT_FOUND` when an explicit `-env` file is missing.
 */
export function loadEnvFile(
  env: Readonly<Record<string, string | undefined>>,
  flag: string | undefined,
  cwdEnvPath: string,
): Record<string, string | undefined> {
  if (flag === 'none') return { ...env };
  const path = flag === undefined || flag === '' ? cwdEnvPath : flag;
  if (!existsSync(path)) {
    if (flag === undefined || flag === '') return { ...env };
    throw new GanderError(
      'FILE_NOT_FOUND',
      `failed to load env file: open ${flag}: no such file or directory`,
    );
  }
  const loaded = parseDotenv(readFileSync(path, 'utf8'));
  const out: Record<string, string | undefined> = { ...loaded };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
