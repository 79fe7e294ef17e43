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
export { asIndex, sameType, typeKey } from './diff/equivalence.js';
export { changeOrderKey, changeSubject, diffModels } from './diff/index.js';
export { invertChange, invertChanges, invertTableChange } from './diff/invert.js';
export {
  DEFAULT_BOOKKEEPING_TABLES,
  type DiffOptions,
  type IgnoreRule,
  matchesPattern,
  type ObjectKind,
} from './diff/options.js';
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
export { assertNever, formatSpan, GanderError, type GanderErrorCode, isGanderError } from './errors.js';
export { ALL_FINDING_CODES, FINDING_CODES, type FindingCode, isFindingCode } from './findings/codes.js';
export { combineFindings, type FindingContext, type ThreeLegs, toFindings } from './findings/index.js';
export {
  applyPolicy,
  type ObjectRule,
  type Policy,
  type PolicySeverity,
  severityFor,
} from './findings/policy.js';
export { prismaDefault } from './findings/prisma-default.js';
export {
  isPrismaIndex,
  type PrismaRelationField,
  prismaActions,
  prismaCompoundId,
  prismaEnum,
  prismaExtension,
  prismaField,
  prismaIndex,
  prismaModel,
  prismaRelation,
  prismaRelationField,
} from './findings/prisma-fix.js';
export {
  enumNameOf,
  enumValueNameOf,
  fieldNameOf,
  modelNameOf,
  type PrismaModelName,
  type PrismaNaming,
  pullEnumValueName,
  pullName,
} from './findings/prisma-names.js';
export {
  type PrismaEnumName,
  type PrismaScalar,
  type PrismaType,
  prismaFieldType,
  prismaType,
} from './findings/prisma-types.js';
export { changeSql, tableChangeSql } from './findings/sql-fix.js';
export type {
  ClientDefault,
  Finding,
  FindingObject,
  FindingSide,
  Fix,
  Severity,
  Side,
} from './findings/types.js';
export { SEVERITY_RANK } from './findings/types.js';
export { fingerprint } from './fingerprint.js';
export { BoundedMemo } from './memo.js';
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
export { canonicalDefault, canonicalRelationName, normalizeDefault } from './normalize-default.js';
export {
  canonicalExpression,
  deparseCanonical,
  normalizeExpression,
  parseExpression,
  rewriteExpression,
} from './normalize-expression.js';
export { type NormalizeQueryOptions, normalizeQuery, type QueryRelation } from './normalize-query.js';
export {
  canonicalTypeName,
  type NormalizeOptions,
  normalizeType,
  quoteIdentifier,
  type SerialInfo,
  serialInfo,
  serialInfoOf,
} from './normalize-type.js';
export { isParserLoaded, loadParser, type ParseSqlOptions, parseSql } from './parser.js';
export { figureColname } from './query-names.js';
export { makeObjectName, serialSequenceName } from './serial.js';
export { compare, sortModel, stripSpans } from './sort.js';
