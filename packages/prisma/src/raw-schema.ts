/**
 * The nodes of a schema file as `@mrleebo/prisma-ast` 0.15.0's visitor builds them (with full
 * location tracking), which `ast.ts` turns into blocks.
 * Only the parts `ast.ts` reads are typed.
 *
 * @see https://github.com/MrLeebo/prisma-ast/blob/v0.15.0/src/visitor.ts
 */
import type { AstValue } from './ast.js';

/** A node's place: the start is what is read (1-based line, 1-based UTF-16 column). */
export interface RawLocation {
  readonly startLine: number;
  readonly startColumn: number;
  readonly startOffset?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly endOffset?: number;
}

/** A value: token text (strings keep their quotes, numbers are text) or a structured value. */
export type RawValue = AstValue;

/** `@name(args)` (`kind: 'field'`) or `@@name(args)` (`kind: 'object'`), `group` for `@db.X`. */
export interface RawAttribute {
  readonly type: 'attribute';
  readonly name: string;
  readonly kind: 'field' | 'object';
  readonly group?: string;
  readonly args?: readonly { readonly type: 'attributeArgument'; readonly value: RawValue }[];
  readonly location?: RawLocation;
}

/** A field, an enum value, a datasource/generator assignment, or a block attribute. */
export type RawNode =
  | {
      readonly type: 'field';
      readonly name: string;
      readonly fieldType: RawValue;
      readonly array: boolean;
      readonly optional: boolean;
      readonly attributes?: readonly RawAttribute[];
      readonly location?: RawLocation;
    }
  | {
      readonly type: 'enumerator';
      readonly name: string;
      readonly attributes?: readonly RawAttribute[];
      readonly location?: RawLocation;
    }
  | {
      readonly type: 'assignment';
      readonly key: string;
      readonly value: RawValue;
      readonly location?: RawLocation;
    }
  | RawAttribute
  | { readonly type: 'comment' | 'break' };

/** A top-level block; its items are under `properties`, `enumerators` or `assignments`. */
export type RawBlock =
  | {
      readonly type: 'model' | 'view' | 'type';
      readonly name: string;
      readonly properties: readonly RawNode[];
      readonly location?: RawLocation;
    }
  | {
      readonly type: 'enum';
      readonly name: string;
      readonly enumerators: readonly RawNode[];
      readonly location?: RawLocation;
    }
  | {
      readonly type: 'datasource' | 'generator';
      readonly name: string;
      readonly assignments: readonly RawNode[];
      readonly location?: RawLocation;
    };
