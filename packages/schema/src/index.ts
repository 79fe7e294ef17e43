export type {
  CheckConstraint,
  Column,
  Constraint,
  ConstraintKind,
  Domain,
  EnumType,
  ExclusionConstraint,
  Extension,
  ForeignKeyConstraint,
  IdentityKind,
  Index,
  IndexKey,
  MatchType,
  Model,
  PrimaryKeyConstraint,
  QualifiedName,
  ReferentialAction,
  Routine,
  Sequence,
  SourceSpan,
  Table,
  TableKind,
  Trigger,
  UniqueConstraint,
  View,
} from './model.js';
export { emptyModel } from './model.js';
export { assertNever, formatSpan, GanderError, type GanderErrorCode, isGanderError } from './errors.js';
export { fingerprint } from './fingerprint.js';
export {
  type RoutineArgument,
  type RoutineDigestParts,
  routineDigest,
  routineDigestText,
  type TriggerDigestParts,
  triggerDigest,
  triggerDigestText,
  viewDigest,
  viewDigestText,
} from './digests.js';
export { compare, sortModel, stripSpans } from './sort.js';
export { isParserLoaded, loadParser, type ParseSqlOptions, parseSql } from './parser.js';
export {
  canonicalTypeName,
  type NormalizeOptions,
  normalizeType,
  quoteIdentifier,
  type SerialInfo,
  serialInfo,
  serialInfoOf,
} from './normalize-type.js';
export {
  canonicalExpression,
  deparseCanonical,
  normalizeExpression,
  parseExpression,
  rewriteExpression,
} from './normalize-expression.js';
export { canonicalDefault, canonicalRelationName, normalizeDefault } from './normalize-default.js';
export { type NormalizeQueryOptions, normalizeQuery, type QueryRelation } from './normalize-query.js';
export { figureColname } from './query-names.js';
export { makeObjectName, serialSequenceName } from './serial.js';
export type {
  Change,
  ChangeKind,
  ColumnAspect,
  ConstraintAspect,
  DomainAspect,
  EnumAspect,
  IndexAspect,
  IndexLike,
  RoutineAspect,
  SequenceAspect,
  TableAspect,
  TableChange,
  TableChangeKind,
  TriggerAspect,
  ViewAspect,
} from './diff/changes.js';
export { changeOrderKey, changeSubject, diffModels } from './diff/index.js';
export {
  DEFAULT_BOOKKEEPING_TABLES,
  type DiffOptions,
  type IgnoreRule,
  matchesPattern,
  type ObjectKind,
} from './diff/options.js';
export { asIndex, sameType, typeKey } from './diff/equivalence.js';
export { invertChange, invertChanges, invertTableChange } from './diff/invert.js';
export type { ClientDefault, Finding, FindingObject, FindingSide, Fix, Severity, Side } from './findings/types.js';
export { SEVERITY_RANK } from './findings/types.js';
export { ALL_FINDING_CODES, FINDING_CODES, type FindingCode, isFindingCode } from './findings/codes.js';
export { applyPolicy, type ObjectRule, type Policy, type PolicySeverity, severityFor } from './findings/policy.js';
export { combineFindings, type FindingContext, type ThreeLegs, toFindings } from './findings/index.js';
export {
  type PrismaEnumName,
  type PrismaScalar,
  type PrismaType,
  prismaFieldType,
  prismaType,
} from './findings/prisma-types.js';
export { fieldName, modelName, prismaDefault, prismaEnum, prismaField, prismaIndex, prismaModel, prismaRelation } from './findings/prisma-fix.js';
export { changeSql, tableChangeSql } from './findings/sql-fix.js';
