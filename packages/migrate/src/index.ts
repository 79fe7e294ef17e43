export {
  COMMANDS,
  type CommandName,
  type Invocation,
  type ParsedArgs,
  parseArgs,
  resolveInvocation,
} from './args.js';
export {
  type ChecksumFinding,
  type ChecksumState,
  checksumTableName,
  compareChecksums,
  createChecksumTableSql,
  type RecordedChecksum,
  readChecksums,
  sha256,
} from './checksums.js';
export {
  camelCase,
  createMigration,
  fixMigrations,
  SQL_TEMPLATE,
  snakeCase,
  timestampVersion,
} from './create.js';
export { loadEnvFile, parseDotenv } from './dotenv.js';
export { formatGoDuration, gooseDuration, parseDurationMs, truncateDuration } from './duration.js';
export {
  type Bookkeeping,
  executeStep,
  type PreparedStep,
  type StepResult,
  type StepTrace,
} from './execute.js';
export {
  ansicFromTimestampText,
  clearStatement,
  logPrefix,
  STATUS_HEADER,
  statusRow,
  verboseText,
} from './goose-text.js';
export { acquireLock, DEFAULT_LOCK_ID, DEFAULT_LOCK_WAIT_MS, type LockOptions } from './lock.js';
export { createLogger, type Logger, type LogLevel, maskSecret } from './logger.js';
export { metricsRegistry, pushMetrics, type RunMetrics, redactUrl, writeMetricsFile } from './metrics.js';
export { errorSpan, isConnectionLost, pgErrorFields } from './pg-error.js';
export {
  currentVersion,
  type LogAfter,
  MAX_VERSION,
  type MigrateCommand,
  type MigrationFile,
  type Plan,
  type PlanStep,
  planCommand,
  planNoVersioning,
  type VersionRow,
} from './plan.js';
export { type MigrationSource, prepareSteps } from './prepare.js';
export { type PlannedStep, type RunEvent, type RunnerOptions, type RunResult, runCommand } from './run.js';
export { openSession, RUNNER_APPLICATION_NAME } from './session.js';
export type { SqlClient } from './sql-client.js';
export {
  checksumFindings,
  readStatus,
  readVersion,
  type StatusEntry,
  type StatusOptions,
  type StatusReport,
} from './status.js';
export { type ValidateEntry, validateMigrations } from './validate.js';
export {
  createTableSql,
  DEFAULT_TABLE,
  deleteVersionSql,
  ensureVersionTable,
  insertVersionSql,
  listVersionRows,
  listVersionsSql,
  statusRows,
  versionTableExists,
} from './version-table.js';
