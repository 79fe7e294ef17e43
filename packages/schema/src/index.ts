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
export { makeObjectName, serialSequenceName } from './serial.js';
