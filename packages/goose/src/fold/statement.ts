import type { Node, SelectStmt } from 'libpg-query';
import { alterTable } from './alter-table.js';
import { nodeType } from './ast.js';
import { comment } from './comments.js';
import { foldDoBlock } from './do-blocks.js';
import { drop } from './drop.js';
import { createIndex } from './indexes.js';
import { rename } from './rename.js';
import { createFunction } from './routines.js';
import { createExtension, createSchema, setSchema } from './schemas.js';
import { calledFunctions, selectSetConfig, setStatement } from './search-path.js';
import { alterSequence, createSequence } from './sequences.js';
import type { FoldState } from './state.js';
import { createTable } from './tables.js';
import { createTrigger } from './triggers.js';
import { alterDomain, alterEnum, createDomain, createEnum, registerOtherType } from './types.js';
import { createMaterializedView, createView } from './views.js';

/** Statements that change data, not the schema: counted, otherwise ignored. */
const DATA = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'CopyStmt', 'MergeStmt', 'TruncateStmt']);

/** Statements with no effect on the model (privileges, ownership, maintenance, transaction control, objects the model does not hold). */
const NO_MODEL_EFFECT = new Set([
  'TransactionStmt',
  'GrantStmt',
  'GrantRoleStmt',
  'AlterOwnerStmt',
  'AlterDefaultPrivilegesStmt',
  'CreateRoleStmt',
  'AlterRoleStmt',
  'AlterRoleSetStmt',
  'DropRoleStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
  'VacuumStmt',
  'RefreshMatViewStmt',
  'NotifyStmt',
  'ListenStmt',
  'UnlistenStmt',
  'LockStmt',
  'VariableShowStmt',
  'AlterExtensionStmt',
  'AlterExtensionContentsStmt',
  'CreateStatsStmt',
  'AlterStatsStmt',
  'CreatePublicationStmt',
  'AlterPublicationStmt',
  'CreateSubscriptionStmt',
  'AlterSubscriptionStmt',
  'DropSubscriptionStmt',
  'ClusterStmt',
  'ReindexStmt',
  'ExplainStmt',
  'CheckPointStmt',
  'DiscardStmt',
  'PrepareStmt',
  'DeallocateStmt',
  'CreateCastStmt',
  'CreateOpClassStmt',
  'CreateOpFamilyStmt',
  'AlterOpFamilyStmt',
  'CreateConversionStmt',
  'AlterCollationStmt',
  'CreateEventTrigStmt',
  'AlterEventTrigStmt',
  'CreateFdwStmt',
  'AlterFdwStmt',
  'CreateForeignServerStmt',
  'AlterForeignServerStmt',
  'CreateUserMappingStmt',
  'AlterUserMappingStmt',
  'DropUserMappingStmt',
  'AlterDatabaseStmt',
  'AlterDatabaseSetStmt',
  'AlterDatabaseRefreshCollStmt',
  'AlterSystemStmt',
  'SecLabelStmt',
  'AlterTSConfigurationStmt',
  'AlterTSDictionaryStmt',
  'CreatedbStmt',
  'DropdbStmt',
  'AlterOperatorStmt',
  'ConstraintsSetStmt',
  'CreateTransformStmt',
  'CreatePLangStmt',
  'CreateAmStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'DropOwnedStmt',
  'ReassignOwnedStmt',
  'AlterObjectDependsStmt',
  'RuleStmt',
  'ClosePortalStmt',
  'DeclareCursorStmt',
  'FetchStmt',
  'LoadStmt',
  'CreateForeignTableStmt',
  'ImportForeignSchemaStmt',
  'AlterTableMoveAllStmt',
  'DropSubscriptionStmt',
]);

/**
 * Folds one parsed statement into the state. `text` is the statement's source (for view digests).
 * Never throws on statements it does not model: those are counted as data, ignored, or recorded as
 * opaque with a note.
 */
export function foldStatement(state: FoldState, node: Node, text: string): void {
  const type = nodeType(node);
  const body = (node as unknown as Record<string, unknown>)[type] as never;
  state.statements += 1;
  switch (type) {
    case 'CreateStmt':
      return createTable(state, body);
    case 'AlterTableStmt':
      return alterTable(state, body);
    case 'IndexStmt':
      return createIndex(state, body);
    case 'DropStmt':
      return drop(state, body);
    case 'RenameStmt':
      return rename(state, body);
    case 'AlterObjectSchemaStmt':
      return setSchema(state, body);
    case 'CreateEnumStmt':
      return createEnum(state, body);
    case 'AlterEnumStmt':
      return alterEnum(state, body);
    case 'CreateDomainStmt':
      return createDomain(state, body);
    case 'AlterDomainStmt':
      return alterDomain(state, body);
    case 'CompositeTypeStmt':
    case 'CreateRangeStmt':
      return registerOtherType(state, body, type);
    case 'DefineStmt':
      if ((body as { kind?: string } | undefined)?.kind === 'OBJECT_TYPE')
        registerOtherType(state, body, type);
      return;
    case 'CreateSchemaStmt':
      return createSchema(state, body, (element) => foldStatement(state, element, text));
    case 'CreateExtensionStmt':
      return createExtension(state, body);
    case 'CreateSeqStmt':
      return createSequence(state, body);
    case 'AlterSeqStmt':
      return alterSequence(state, body);
    case 'ViewStmt':
      return createView(state, body, text);
    case 'CreateTableAsStmt':
      if ((body as { objtype?: string } | undefined)?.objtype === 'OBJECT_MATVIEW')
        return createMaterializedView(state, body, text);
      return state.recordOpaque(
        type,
        'CREATE TABLE ... AS: the column types come from running the query; replay mode sees the table',
      );
    case 'CreateFunctionStmt':
      return createFunction(state, body);
    case 'CreateTrigStmt':
      return createTrigger(state, body);
    case 'CommentStmt':
      return comment(state, body);
    case 'VariableSetStmt':
      return setStatement(state, body);
    case 'SelectStmt':
      return foldSelect(state, body);
    case 'DoStmt':
      return foldDoBlock(state, body);
    case 'CallStmt':
      return state.recordOpaque(type, 'CALL: a procedure run for its effects; replay mode sees them');
    case 'ExecuteStmt':
      return state.recordOpaque(type, 'EXECUTE of a prepared statement; replay mode sees its effects');
    case 'AlterFunctionStmt':
      return state.recordOpaque(
        type,
        'ALTER FUNCTION options are not folded (the digest keeps the CREATE options); replay mode sees them',
      );
    default:
      if (DATA.has(type)) {
        state.dataStatements += 1;
        return;
      }
      if (NO_MODEL_EFFECT.has(type)) return;
      return state.recordOpaque(
        type,
        `${type} is not modelled by the static fold; replay mode sees its effects`,
      );
  }
}

/** `SELECT`: `set_config('search_path', ...)` is applied; a call to a routine of the model may run DDL (opaque); anything else is data. */
function foldSelect(state: FoldState, stmt: SelectStmt): void {
  if (selectSetConfig(state, stmt)) return;
  const calls = calledFunctions({ SelectStmt: stmt } as Node).filter((f) =>
    state.resolve(f.schema, f.name, (k) => [...state.routines.keys()].some((r) => r.startsWith(`${k}(`))),
  );
  if (calls.length > 0) {
    state.recordOpaque(
      'SelectStmt',
      `calls ${calls.map((c) => c.name).join(', ')}: a function run for its effects; replay mode sees them`,
    );
    return;
  }
  state.dataStatements += 1;
}
