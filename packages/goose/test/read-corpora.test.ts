/**
 * Every goose and Prisma Migrate folder of `/work/shared/corpora` (read-only): it reads with the
 * counts and order its SOURCE.txt gives, every migration splits in both directions except the
 * files goose itself rejects (asserted exactly), and every statement's span points at its text.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Migration, migrationStatements, readMigrations, type Statement } from '@gander/goose';
import { GanderError } from '@gander/schema';
import { describe, expect, it } from 'vitest';
import { gooseText } from './goose-text.js';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const URL_ = 'https://github.com/pressly/goose#sql-migrations';

interface Rejection {
  readonly file: string;
  readonly direction: 'up' | 'down';
  readonly line: number;
  readonly text: string;
}
interface CorpusCase {
  readonly name: string;
  readonly format: 'goose' | 'prisma-migrate';
  readonly count: number;
  readonly first: string;
  readonly last: string;
  /** Files goose rejects, with goose's exact error; `'all'` = every file fails with `unexpected state 0`. */
  readonly rejected?: readonly Rejection[] | 'all';
}

const CLICKHOUSE_004 =
  "CREATE TABLE IF NOT EXISTS analytics_db.session_recordings_local ON CLUSTER 'my_cluster' (";
const girok = 'beegy-labs__my-girok/services';
const cases: readonly CorpusCase[] = [
  {
    name: 'StevenWeathers__thunderdome-planning-poker/internal/db/migrations',
    format: 'goose',
    count: 42,
    first: '20230823231905_create_schema.sql',
    last: '20260618120000_enforce_unique_team_checkin_per_day.sql',
  },
  {
    name: 'bitmagnet-io__bitmagnet/migrations',
    format: 'goose',
    count: 20,
    first: '00001_init.sql',
    last: '00020_bloom_filters_large_object.sql',
  },
  {
    name: 'hatchet-dev__hatchet/cmd/hatchet-migrate/migrate/migrations',
    format: 'goose',
    count: 224,
    first: '20240115180414_init.sql',
    last: '20260820185000_v1_0_147.sql',
  },
  {
    name: 'pressly__goose/internal/testing/integration/testdata/migrations/postgres',
    format: 'goose',
    count: 6,
    first: '00001_table.sql',
    last: '00006_complex.sql',
  },
  {
    name: 'pressly__goose/testdata/migrations',
    format: 'goose',
    count: 5,
    first: '00001_users_table.sql',
    last: '00005_posts_view.sql',
  },
  {
    name: `${girok}/auth-service/migrations`,
    format: 'goose',
    count: 42,
    first: '20251220000000_baseline.sql',
    last: '20260119000014_add_admin_invitations.sql',
  },
  {
    name: `${girok}/authorization-service/migrations`,
    format: 'goose',
    count: 3,
    first: '20260112000000_create_authorization_schema.sql',
    last: '20260120000000_add_departments_table.sql',
  },
  {
    name: `${girok}/identity-service/migrations/identity`,
    format: 'goose',
    count: 6,
    first: '20251231000000_initial_schema.sql',
    last: '20260108000000_add_session_context.sql',
  },
  {
    name: `${girok}/legal-service/migrations`,
    format: 'goose',
    count: 1,
    first: '20251231000000_initial_schema.sql',
    last: '20251231000000_initial_schema.sql',
  },
  {
    name: `${girok}/mail-service/migrations`,
    format: 'goose',
    count: 2,
    first: '20260122000000_initial_schema.sql',
    last: '20260123000000_add_body_and_message_id_index.sql',
  },
  {
    name: `${girok}/notification-service/migrations`,
    format: 'goose',
    count: 1,
    first: '00001_init.sql',
    last: '00001_init.sql',
  },
  {
    name: `${girok}/personal-service/migrations`,
    format: 'goose',
    count: 9,
    first: '20251211000000_baseline.sql',
    last: '20251226200010_extend_section_type_enum.sql',
  },
  {
    name: `${girok}/analytics-service/migrations`,
    format: 'goose',
    count: 2,
    first: '20251231000000_create_analytics_schema.sql',
    last: '20260114043516_add_session_recording_tables.sql',
  },
  {
    name: `${girok}/audit-service/migrations`,
    format: 'goose',
    count: 1,
    first: '20251231000000_create_audit_schema.sql',
    last: '20251231000000_create_audit_schema.sql',
  },
  {
    name: 'beegy-labs__my-girok/infrastructure/clickhouse/migrations',
    format: 'goose',
    count: 10,
    first: '001_create_otel_db.sql',
    last: '010_fix_all_null_fields.sql',
    rejected: (['up', 'down'] as const).map((direction) => ({
      file: '004_create_session_recordings.sql',
      direction,
      line: 11,
      text: `failed to parse migration: unexpected state 0 on line ${JSON.stringify(CLICKHOUSE_004)}, see ${URL_}`,
    })),
  },
  {
    name: 'beegy-labs__my-girok/docs/migrations/drafts',
    format: 'goose',
    count: 3,
    first: '001_extend_accounts_schema.sql',
    last: '003_cleanup_admins_table.sql',
    rejected: [
      {
        file: '002_migrate_hr_employees.sql',
        direction: 'up',
        line: 111,
        text: 'failed to parse migration: state 1, direction: up: unexpected unfinished SQL query: "*/": missing semicolon?',
      },
      {
        file: '002_migrate_hr_employees.sql',
        direction: 'down',
        line: 119,
        text: 'failed to parse migration: state 4, direction: down: unexpected unfinished SQL query: "*/": missing semicolon?',
      },
    ],
  },
  {
    name: 'hatchet-dev__hatchet/history-b7a706a18f0c/sql/migrations',
    format: 'goose',
    count: 82,
    first: '20240115180414_init.sql',
    last: '20250127160736_v0.54.0.sql',
    rejected: 'all',
  },
  {
    name: 'hatchet-dev__hatchet/history-b7a706a18f0c/prisma/migrations',
    format: 'prisma-migrate',
    count: 78,
    first: '20240115180414_init',
    last: '20241120193948_tmp',
  },
  {
    name: 'documenso__documenso/packages/prisma/migrations',
    format: 'prisma-migrate',
    count: 163,
    first: '20230404095503_initial_migration',
    last: '20260622120000_add_recipient_reminder_count',
  },
  {
    name: 'langfuse__langfuse/packages/shared/prisma/migrations',
    format: 'prisma-migrate',
    count: 434,
    first: '20230518191501_init',
    last: '20260821121500_backfill_evaluator_v2',
  },
];

/** The statement's first line is found in the file at its span. */
function expectSpan(text: string, statement: Statement): void {
  const lines = text.split('\n');
  const line = (lines[statement.span.line - 1] ?? '').replace(/\r$/, '');
  const first = statement.sql.split('\n')[0] ?? '';
  expect(
    line.slice(statement.span.column - 1).startsWith(first),
    `${statement.span.file}:${statement.span.line}:${statement.span.column}`,
  ).toBe(true);
}

function split(migration: Migration, direction: 'up' | 'down') {
  try {
    return migrationStatements(migration, direction);
  } catch (error) {
    return error instanceof GanderError ? error : Promise.reject(error);
  }
}

describe('readMigrations: corpora', () => {
  it.each(cases)('$name', async (c) => {
    const dir = join(CORPORA, c.name);
    const set = await readMigrations(dir);
    expect([set.format, set.migrations.length, set.migrations[0]?.name, set.migrations.at(-1)?.name]).toEqual(
      [c.format, c.count, c.first, c.last],
    );
    if (c.format === 'goose') {
      for (const [i, m] of set.migrations.slice(1).entries())
        expect(m.version).toBeGreaterThan(set.migrations[i]?.version ?? 0);
    } else {
      expect(set.migrations.map((m) => m.version)).toEqual(set.migrations.map((_, i) => i + 1));
    }
    const failures: Rejection[] = [];
    for (const migration of set.migrations) {
      for (const direction of ['up', 'down'] as const) {
        const result = split(migration, direction);
        if (result instanceof GanderError) {
          failures.push({
            file: migration.name,
            direction,
            line: result.source?.line ?? 0,
            text: gooseText(result),
          });
          continue;
        }
        if (result instanceof Promise) await result;
        else for (const statement of result.statements) expectSpan(migration.text ?? '', statement);
      }
    }
    if (c.rejected === 'all') {
      expect(failures.length).toBe(2 * c.count);
      for (const f of failures)
        expect(f.text).toMatch(
          /^failed to parse migration: unexpected state 0 on line ".*", see https:\/\/github\.com\/pressly\/goose#sql-migrations$/s,
        );
    } else {
      expect(failures).toEqual(c.rejected ?? []);
    }
  });

  it('a folder whose only sub-folder holds the migrations is not read recursively', async () => {
    await expect(readMigrations(join(CORPORA, girok, 'identity-service/migrations'))).rejects.toThrow(
      'no migration files found',
    );
  });

  it('a stray non-migration .sql file makes the folder unreadable, as in goose', async () => {
    await expect(readMigrations(join(CORPORA, girok, 'auth-service'))).rejects.toThrow(
      `could not parse SQL migration file "${join(CORPORA, girok, 'auth-service')}/migration_snake_case.sql": failed to parse version from migration file: migration_snake_case.sql: strconv.ParseInt: parsing "migration": invalid syntax`,
    );
  });

  it("langfuse's messy folder names keep Prisma's order", async () => {
    const names = (
      await readMigrations(join(CORPORA, 'langfuse__langfuse/packages/shared/prisma/migrations'))
    ).migrations.map((m) => m.name);
    const at = (name: string): number => names.indexOf(name);
    expect(at('20240126184148_new_models copy')).toBe(at('20240124164148_correct_models') + 1);
    expect(at('20240718011733_dataset_runs_add_unique_dataset_id_project_id_name copy')).toBeGreaterThan(0);
    expect(at('20250517173700_add_event_log_migration_background_migration.sql')).toBeGreaterThan(0);
    expect(at('20250517273700_add_table_view_presets.sql')).toBeGreaterThan(
      at('20250517173700_add_event_log_migration_background_migration.sql'),
    );
    expect(at('20250625_add_pivot_table_charttype')).toBe(at('20250604085536_add_histogram_chart_type') + 1);
    const cursor = names.filter((n) => n.startsWith('20240528214728_add_cursor_index_'));
    expect(cursor).toEqual(
      Array.from(
        { length: 18 },
        (_, i) => `20240528214728_add_cursor_index_${String(i + 1).padStart(2, '0')}`,
      ),
    );
  });
});
