export type { CatalogRows } from './catalog-rows.js';
export { connect, DEFAULT_CONNECT_TIMEOUT, SESSION_OPTIONS, sslOptions, startupOptions } from './connect.js';
export {
  type ConnectionConfig,
  describeConnection,
  redactUrl,
  resolveConnection,
  type SslMode,
} from './connection-config.js';
export {
  catalogSql,
  INTROSPECT_ROUND_TRIPS,
  type IntrospectOptions,
  introspect,
  type Queryable,
} from './introspect.js';
export { type ReplayOptions, type ReplayResult, type ReplayTarget, replay } from './replay.js';
export { type RowsToModelOptions, rowsToModel } from './rows-to-model.js';
export { decodeTriggerArguments, triggerWhenClause } from './triggers.js';
