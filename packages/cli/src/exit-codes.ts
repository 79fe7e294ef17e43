import type { GanderErrorCode } from '@gander/schema';

/**
 * Exit codes of every `gander` command (README "Exit codes"):
 * - 0: success / no findings at or above `--fail-on` / sources equal
 * - 1: findings or differences; a migration failed (`migrate`)
 * - 2: bad input or usage, an unreachable database, anything the user must fix before a run
 * - 70: internal error (a bug in gander; please report it with `--debug` output)
 */
export const EXIT = { ok: 0, findings: 1, error: 2, internal: 70 } as const;

export function exitCodeFor(code: GanderErrorCode): number {
  switch (code) {
    case 'MIGRATION_FAILED':
      return EXIT.findings;
    default:
      return EXIT.error;
  }
}
