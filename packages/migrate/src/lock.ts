/**
 * The session-level advisory lock that keeps concurrent runners (Job retries, several replicas) from
 * applying a migration twice. Same lock id as goose's Provider `SessionLocker`, so gander also
 * excludes Provider-based goose users; visible in `pg_locks` as `classid = 0, objid = 4097083626`.
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/lock/postgres.go
 */
import { GanderError } from '@gander/schema';
import type { SqlClient } from './sql-client.js';

/** goose's `DefaultLockID`: CRC-32 (IEEE) of `"goose"`. */
export const DEFAULT_LOCK_ID = 4097083626;

/** How long to wait for the lock by default: goose's 60 retries 5 s apart. */
export const DEFAULT_LOCK_WAIT_MS = 300_000;

/** Options of {@link acquireLock}; times in milliseconds. */
export interface LockOptions {
  readonly id?: number;
  readonly waitTimeoutMs?: number;
  /** Pause between tries (default 200 ms). */
  readonly retryMs?: number;
  /** Called once when the first try fails, so the caller can say it is waiting. */
  readonly onWait?: () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes `pg_try_advisory_lock(id)` on this session, retrying until `waitTimeoutMs` has passed.
 * Returns the release function (`pg_advisory_unlock`; the server releases it anyway when the
 * session ends).
 *
 * @throws GanderError `LOCK_TIMEOUT` when another session still holds the lock at the deadline.
 */
export async function acquireLock(
  client: SqlClient,
  options: LockOptions = {},
): Promise<() => Promise<void>> {
  const id = options.id ?? DEFAULT_LOCK_ID;
  const waitMs = options.waitTimeoutMs ?? DEFAULT_LOCK_WAIT_MS;
  const retryMs = options.retryMs ?? 200;
  const deadline = Date.now() + waitMs;
  let warned = false;
  for (;;) {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [id]);
    if (result.rows[0]?.locked === true) {
      return async () => {
        await client.query('SELECT pg_advisory_unlock($1)', [id]);
      };
    }
    if (!warned) {
      warned = true;
      options.onWait?.();
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const holder = await lockHolder(client, id).catch(() => undefined);
      throw new GanderError(
        'LOCK_TIMEOUT',
        `could not take the migration lock (advisory lock ${id}) within ${Math.round(waitMs / 1000)}s: another runner holds it${holder ? ` (${holder})` : ''}`,
        {
          hint: 'wait for the other run to finish and retry, raise --lock-wait-timeout, or use --no-lock if no other runner can be active',
        },
      );
    }
    await sleep(Math.min(retryMs + Math.floor(Math.random() * retryMs), left));
  }
}

/** Describes the session holding the lock: pid, application name and client address. */
async function lockHolder(client: SqlClient, id: number): Promise<string | undefined> {
  const result = await client.query<{ pid: number; application_name: string; client_addr: string | null }>(
    `SELECT a.pid, a.application_name, host(a.client_addr) AS client_addr
       FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ($1::bigint & 4294967295)::oid AND l.objsubid = 1
      LIMIT 1`,
    [id],
  );
  const row = result.rows[0];
  if (!row) return undefined;
  return `backend pid ${row.pid}${row.application_name ? `, application "${row.application_name}"` : ''}${row.client_addr ? ` from ${row.client_addr}` : ''}`;
}
