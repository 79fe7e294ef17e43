export { type Annotation, type AnnotationResult, extractAnnotation, isAnnotationLine } from './annotations.js';
export { type EnvLookup, InterpolateError, interpolate } from './envsub.js';
export { goQuote, goTrimSpace } from './go-strings.js';
export { createPositionMapper, type Position, type PositionMapper, positionOfByteOffset, spanAt } from './spans.js';
export {
  type Direction,
  endsWithSemicolon,
  type ParsedMigration,
  type ParsedMigrationBoth,
  type ParseOptions,
  parseSqlMigration,
  parseSqlMigrationBoth,
  type Statement,
} from './split.js';
