/**
 * The command line of `gander migrate`, in both spellings:
 * goose's (`gander migrate -dir DIR postgres "$DSN" up`, flags anywhere, `-x`/`--x`, `-x=v`/`-x v`,
 * `GOOSE_DRIVER`, `GOOSE_DBSTRING`, `GOOSE_MIGRATION_DIR`, `GOOSE_TABLE`) and gander's
 * (`gander migrate up --dir DIR --database-url URL`).
 *
 * @see https://github.com/pressly/goose/blob/v3.27.3/cmd/goose/main.go (`mergeArgs`, `firstNonEmpty`)
 * @see https://pkg.go.dev/flag (Go flag syntax) and https://github.com/mfridman/xflag (flags anywhere)
 */
import { GanderError } from '@gander/schema';

const BOOL_FLAGS = [
  'v',
  'h',
  'help',
  's',
  'allow-missing',
  'no-versioning',
  'no-color',
  'version',
  'no-lock',
  'dry-run',
  'debug',
] as const;
const STRING_FLAGS = [
  'dir',
  'table',
  'env',
  'timeout',
  'certfile',
  'ssl-cert',
  'ssl-key',
  'database-url',
  'format',
  'log-format',
  'statement-timeout',
  'lock-timeout',
  'lock-wait-timeout',
  'metrics-file',
  'pushgateway-url',
  'service',
] as const;

type BoolFlag = (typeof BOOL_FLAGS)[number];
type StringFlag = (typeof STRING_FLAGS)[number];

/** Flags and positional arguments as given. */
export interface ParsedArgs {
  readonly bools: Readonly<Partial<Record<BoolFlag, boolean>>>;
  readonly strings: Readonly<Partial<Record<StringFlag, string>>>;
  readonly positionals: readonly string[];
}

const isBool = (name: string): name is BoolFlag => (BOOL_FLAGS as readonly string[]).includes(name);
const isString = (name: string): name is StringFlag => (STRING_FLAGS as readonly string[]).includes(name);

/**
 * Parses arguments the way Go's `flag` package with xflag does: flags may come anywhere, one or two
 * dashes, `--` ends flag parsing.
 *
 * @throws GanderError `USAGE` for an unknown flag, a missing value or a bad boolean.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const bools: Partial<Record<BoolFlag, boolean>> = {};
  const strings: Partial<Record<StringFlag, string>> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const inline = eq < 0 ? undefined : body.slice(eq + 1);
    if (isBool(name)) {
      if (inline === undefined) bools[name] = true;
      else if (/^(1|t|T|true|TRUE|True)$/.test(inline)) bools[name] = true;
      else if (/^(0|f|F|false|FALSE|False)$/.test(inline)) bools[name] = false;
      else throw new GanderError('USAGE', `invalid boolean value "${inline}" for -${name}`);
    } else if (isString(name)) {
      if (inline !== undefined) strings[name] = inline;
      else {
        const value = argv[i + 1];
        if (value === undefined) throw new GanderError('USAGE', `flag needs an argument: -${name}`);
        strings[name] = value;
        i++;
      }
    } else {
      throw new GanderError('USAGE', `flag provided but not defined: -${name}`, {
        hint: 'run `gander migrate -h` for the flags',
      });
    }
  }
  return { bools, strings, positionals };
}

/** The commands of `gander migrate`. */
export const COMMANDS = [
  'up',
  'up-by-one',
  'up-to',
  'down',
  'down-to',
  'redo',
  'reset',
  'status',
  'version',
  'create',
  'fix',
  'validate',
] as const;
export type CommandName = (typeof COMMANDS)[number];
const isCommand = (s: string | undefined): s is CommandName =>
  (COMMANDS as readonly string[]).includes(s ?? '');

/** Driver names that mean PostgreSQL to goose's CLI. */
const POSTGRES_DRIVERS = ['postgres', 'pgx'];
const OTHER_DRIVERS = [
  'redshift',
  'mysql',
  'tidb',
  'starrocks',
  'sqlite3',
  'sqlite',
  'mssql',
  'azuresql',
  'sqlserver',
  'clickhouse',
  'spanner',
  'ydb',
  'turso',
  'vertica',
];

/** What to run, with every setting resolved (flag > env > default). */
export interface Invocation {
  readonly command: CommandName;
  /** Arguments after the command (`up-to 5` -> `['5']`). */
  readonly args: readonly string[];
  /** The connection string as given (URL or key=value), if any; the environment may still supply parts. */
  readonly dbstring?: string;
  readonly dir: string;
  readonly table: string;
  readonly parsed: ParsedArgs;
}

/**
 * Resolves the command, connection string, folder and table from the parsed arguments and the
 * environment, accepting goose's `DRIVER DBSTRING COMMAND` order and gander's `COMMAND` first.
 *
 * @throws GanderError `USAGE` for a missing or unknown command, a non-PostgreSQL driver.
 */
export function resolveInvocation(
  parsed: ParsedArgs,
  env: Readonly<Record<string, string | undefined>>,
): Invocation {
  const positionals = [...parsed.positionals];
  const envDriver = env.GOOSE_DRIVER || undefined;
  const envDbstring = env.GOOSE_DBSTRING || undefined;
  let dbstring = parsed.strings['database-url'];
  let driver: string | undefined;
  const first = positionals[0];
  if (first !== undefined && !isCommand(first) && [...POSTGRES_DRIVERS, ...OTHER_DRIVERS].includes(first)) {
    driver = positionals.shift();
    if (!isCommand(positionals[0]) || envDbstring === undefined) dbstring = positionals.shift();
    else dbstring = dbstring ?? envDbstring;
  } else if (first !== undefined && !isCommand(first) && envDriver !== undefined) {
    driver = envDriver;
    dbstring = positionals.shift();
  } else {
    driver = envDriver;
    dbstring = dbstring ?? envDbstring;
  }
  if (driver !== undefined && !POSTGRES_DRIVERS.includes(driver)) {
    throw new GanderError(
      'USAGE',
      `"${driver}": unsupported dialect: gander migrate runs PostgreSQL migrations only (drivers postgres and pgx)`,
    );
  }
  const command = positionals.shift();
  if (command === undefined)
    throw new GanderError('USAGE', 'missing command', { hint: `commands: ${COMMANDS.join(', ')}` });
  if (!isCommand(command))
    throw new GanderError('USAGE', `"${command}": no such command`, {
      hint: `commands: ${COMMANDS.join(', ')}`,
    });
  const flagDir = parsed.strings.dir;
  const dir = flagDir !== undefined && flagDir !== '.' ? flagDir : env.GOOSE_MIGRATION_DIR || flagDir || '.';
  const table = parsed.strings.table || env.GOOSE_TABLE || 'goose_db_version';
  return { command, args: positionals, ...(dbstring !== undefined ? { dbstring } : {}), dir, table, parsed };
}
