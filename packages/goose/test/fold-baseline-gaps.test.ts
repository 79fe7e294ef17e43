/**
 * Folding a chain whose baseline created tables outside the migrations (a `SELECT 1` baseline, as
 * beegy-labs/my-girok's auth-service has): `DROP TABLE IF EXISTS t CASCADE` of such a table still
 * removes the foreign keys the chain created to it, as CASCADE did in the database.
 */
import { foldStatements } from '@gander/goose';
import { loadParser } from '@gander/schema';
import { beforeAll, describe, expect, it } from 'vitest';

const span = { file: 'm.sql', line: 1, column: 1 };
const fold = (...sql: string[]) => foldStatements(sql.map((text) => ({ sql: text, span })));
const foreignKeys = (result: ReturnType<typeof fold>) =>
  result.model.tables.flatMap((t) =>
    t.constraints.filter((c) => c.kind === 'foreign key').map((c) => `${t.name}.${c.name}`),
  );

beforeAll(async () => {
  await loadParser();
});

describe('DROP TABLE of a table created outside the migrations', () => {
  const create =
    'CREATE TABLE consents (id uuid PRIMARY KEY, user_id text REFERENCES users (id) ON DELETE CASCADE)';
  it('CASCADE removes the foreign keys to it', () => {
    expect(foreignKeys(fold(create, 'DROP TABLE IF EXISTS users CASCADE'))).toEqual([]);
  });
  it('without CASCADE the foreign keys stay (PostgreSQL would have refused the drop)', () => {
    expect(foreignKeys(fold(create, 'DROP TABLE IF EXISTS users'))).toEqual([
      'consents.consents_user_id_fkey',
    ]);
  });
  it('a schema-qualified drop removes only the keys to that schema', () => {
    expect(foreignKeys(fold(create, 'DROP TABLE IF EXISTS other.users CASCADE'))).toEqual([
      'consents.consents_user_id_fkey',
    ]);
  });
});
