/** Reads `fixtures/introspect/<case>/` folders: `schema.sql` (creates schema `<case>`), `expected.json`, optional `case.json`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '@gander/schema';

export const fixturesRoot = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

export interface IntrospectCase {
  readonly name: string;
  readonly sql: string;
  readonly expected: Model;
  readonly includeBookkeeping: boolean;
  /** False when PGlite lacks what the case needs. */
  readonly pglite: boolean;
}

export function introspectCases(): IntrospectCase[] {
  const root = join(fixturesRoot, 'introspect');
  return readdirSync(root)
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const options = existsSync(join(dir, 'case.json'))
        ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
            includeBookkeeping?: boolean;
            pglite?: boolean;
          })
        : {};
      return {
        name,
        sql: readFileSync(join(dir, 'schema.sql'), 'utf8'),
        expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Model,
        includeBookkeeping: options.includeBookkeeping ?? false,
        pglite: options.pglite ?? true,
      };
    });
}
