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
      createTable(state, body);
      return;
    case 'AlterTableStmt':
      alterTable(state, body);
      return;
    case 'IndexStmt':
      createIndex(state, body);
      return;
    case 'DropStmt':
      drop(state, body);
      return;
    case 'RenameStmt':
      rename(state, body);
      return;
    case 'AlterObjectSchemaStmt':
      setSchema(state, body);
      return;
    case 'CreateEnumStmt':
      createEnum(state, body);
      return;
    case 'AlterEnumStmt':
      alterEnum(state, body);
      return;
    case 'CreateDomainStmt':
      createDomain(state, body);
      return;
    case 'AlterDomainStmt':
      alterDomain(state, body);
      return;
    case 'CompositeTypeStmt':
    case 'CreateRangeStmt':
      registerOtherType(state, body, type);
      return;
    case 'DefineStmt':
      if ((body as { kind?: string } | undefined)?.kind === 'OBJECT_TYPE')
        registerOtherType(state, body, type);
      return;
    case 'CreateSchemaStmt':
      createSchema(state, body, (element) => foldStatement(state, element, text));
      return;
    case 'CreateExtensionStmt':
      createExtension(state, body);
      return;
    case 'CreateSeqStmt':
      createSequence(state, body);
      return;
    case 'AlterSeqStmt':
      alterSequence(state, body);
      return;
    case 'ViewStmt':
      createView(state, body, text);
      return;
    case 'CreateTableAsStmt':
      if ((body as { objtype?: string } | undefined)?.objtype === 'OBJECT_MATVIEW') {
        createMaterializedView(state, body, text);
        return;
      }
      state.recordOpaque(
        type,
        'CREATE TABLE ... AS: the column types come from running the query; replay mode sees the table',
      );
      return;
    case 'CreateFunctionStmt':
      createFunction(state, body);
      return;
    case 'CreateTrigStmt':
      createTrigger(state, body);
      return;
    case 'CommentStmt':
      comment(state, body);
      return;
    case 'VariableSetStmt':
      setStatement(state, body);
      return;
    case 'SelectStmt':
      foldSelect(state, body);
      return;
    case 'DoStmt':
      foldDoBlock(state, body);
      return;
    case 'CallStmt':
      state.recordOpaque(type, 'CALL: a procedure run for its effects; replay mode sees them');
      return;
    case 'ExecuteStmt':
      state.recordOpaque(type, 'EXECUTE of a prepared statement; replay mode sees its effects');
      return;
    case 'AlterFunctionStmt':
      state.recordOpaque(
        type,
        'ALTER FUNCTION options are not folded (the digest keeps the CREATE options); replay mode sees them',
      );
      return;
    default:
      if (DATA.has(type)) {
        state.dataStatements += 1;
        return;
      }
      if (NO_MODEL_EFFECT.has(type)) return;
      state.recordOpaque(type, `${type} is not modelled by the static fold; replay mode sees its effects`);
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
