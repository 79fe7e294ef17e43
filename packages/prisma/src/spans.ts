/**
 * Where each Prisma object is defined, by Prisma name, with the database object it became: what a
 * finding about table `admin_attendances` needs to point at `schema.prisma:1315:1`.
 */
import type { QualifiedName, SourceSpan } from '@gander/schema';

/** One attribute occurrence: `@id`, `@@index`, `@db.Uuid`, `@default`, ... */
export interface AttributeSpan {
  /** As written, with `@` or `@@`: `@unique`, `@@index`, `@db.VarChar`. */
  readonly name: string;
  readonly span: SourceSpan;
  /** The constraint or index it created (`users_email_key`), for keys, indexes and relations. */
  readonly object?: string;
}

export interface FieldSpans {
  readonly span: SourceSpan;
  /** The column the field maps to; absent for relation fields. */
  readonly column?: string;
  readonly attributes: readonly AttributeSpan[];
}

export interface ModelSpans {
  readonly kind: 'model' | 'view';
  /** The table (or, for a view block, the view) the block maps to. */
  readonly table: QualifiedName;
  readonly span: SourceSpan;
  /** Block attributes (`@@id`, `@@index`, `@@map`, ...). */
  readonly attributes: readonly AttributeSpan[];
  /** Fields by Prisma name. */
  readonly fields: Readonly<Record<string, FieldSpans>>;
}

export interface EnumSpans {
  readonly type: QualifiedName;
  readonly span: SourceSpan;
  /** Values by Prisma name, with the database label. */
  readonly values: Readonly<Record<string, { readonly dbName: string; readonly span: SourceSpan }>>;
}

/** Spans of a whole schema: models (and views) and enums by Prisma name. */
export interface PrismaSpans {
  readonly models: Readonly<Record<string, ModelSpans>>;
  readonly enums: Readonly<Record<string, EnumSpans>>;
}
