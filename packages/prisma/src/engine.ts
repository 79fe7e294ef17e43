/**
 * Prisma's own schema validator (`@prisma/prisma-schema-wasm`, pinned to the build Prisma 7.10
 * uses): validation with Prisma's messages, the DMMF datamodel and the datasource configuration.
 *
 * @see https://github.com/prisma/prisma-engines/tree/main/prisma-schema-wasm
 */
import { GanderError, type SourceSpan } from '@gander/schema';
import type { PrismaFile } from './files.js';
import { positionAt } from './position.js';
import { prismaSchemaWasm } from './wasm.js';

/** The part of `get_datamodel`'s DMMF this package reads. */
export interface DmmfDatamodel {
  readonly models: readonly DmmfModel[];
  readonly enums: readonly { readonly name: string; readonly dbName: string | null }[];
}

export interface DmmfModel {
  readonly name: string;
  readonly dbName: string | null;
  readonly schema: string | null;
  readonly fields: readonly DmmfField[];
}

export interface DmmfField {
  readonly name: string;
  readonly kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  readonly type: string;
  readonly isList: boolean;
  readonly isRequired: boolean;
  readonly relationName?: string;
  readonly relationFromFields?: readonly string[];
  readonly relationToFields?: readonly string[];
}

/** The datasource as `get_config` reports it. */
export interface DatasourceConfig {
  readonly provider: string;
  /** `schemas = [...]` of the datasource (multiSchema), sorted. */
  readonly schemas: readonly string[];
}

interface LintDiagnostic {
  readonly file_name: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly is_warning: boolean;
}

let lastPanic: string | undefined;
const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
registry.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

function params(files: readonly PrismaFile[]): string {
  return JSON.stringify({ prismaSchema: files.map((f) => [f.path, f.text]), noColor: true });
}

/**
 * Validates the schema files with Prisma's validator and returns their DMMF datamodel (one call:
 * prisma-fmt's `get_datamodel` runs the same validation as its `validate`, errors included).
 *
 * @throws GanderError `PRISMA_SCHEMA` with Prisma's own message for each error, each at its
 *   file:line:column (1-based, UTF-16 columns), the first as `source`.
 * @see https://github.com/prisma/prisma-engines/blob/main/prisma-fmt/src/get_datamodel.rs
 */
export function getDatamodel(files: readonly PrismaFile[]): DmmfDatamodel {
  try {
    return JSON.parse(prismaSchemaWasm().get_datamodel(params(files))) as DmmfDatamodel;
  } catch (error) {
    throw schemaError(files, error);
  }
}

/**
 * The datasource of the schema.
 *
 * @throws GanderError `PRISMA_SCHEMA` when there is no datasource block.
 */
export function getDatasource(files: readonly PrismaFile[]): DatasourceConfig {
  const result = JSON.parse(prismaSchemaWasm().get_config(params(files))) as {
    config: { datasources: { provider: string; schemas: string[] }[] };
  };
  const ds = result.config.datasources[0];
  if (!ds) {
    throw new GanderError('PRISMA_SCHEMA', `${files[0]?.path ?? 'schema.prisma'}: no datasource block`, {
      hint: 'add `datasource db { provider = "postgresql" }`',
    });
  }
  return { provider: ds.provider, schemas: [...ds.schemas].sort() };
}

/** Builds the error for a failed wasm call: Prisma's messages with their positions. */
function schemaError(files: readonly PrismaFile[], error: unknown): GanderError {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw;
  try {
    message = (JSON.parse(raw) as { message?: string }).message ?? raw;
  } catch {
    if (lastPanic) message = `prisma-schema-wasm panicked: ${lastPanic}`;
  }
  const diagnostics = lintErrors(files);
  if (diagnostics.length > 0) {
    const [first, ...rest] = diagnostics;
    const more = rest.map((d) => `\n${d.span.file}:${d.span.line}:${d.span.column}: ${d.text}`).join('');
    return new GanderError('PRISMA_SCHEMA', `${first!.text}${more}`, { source: first!.span, cause: error });
  }
  const span = spanFromMessage(files, message);
  return new GanderError('PRISMA_SCHEMA', errorLines(message), {
    ...(span ? { source: span } : {}),
    cause: error,
  });
}

/** The errors `lint` reports, with positions (lint gives UTF-16 offsets). */
function lintErrors(files: readonly PrismaFile[]): { span: SourceSpan; text: string }[] {
  let diagnostics: LintDiagnostic[];
  try {
    diagnostics = JSON.parse(
      prismaSchemaWasm().lint(JSON.stringify(files.map((f) => [f.path, f.text]))),
    ) as LintDiagnostic[];
  } catch {
    return [];
  }
  return diagnostics
    .filter((d) => !d.is_warning)
    .map((d) => {
      const file = files.find((f) => f.path === d.file_name) ?? files[0]!;
      return { span: positionAt(file, d.start), text: d.text };
    });
}

/** `-->  schema.prisma:15` in a validation message, at the first non-blank column of that line. */
function spanFromMessage(files: readonly PrismaFile[], message: string): SourceSpan | undefined {
  const match = /-->\s+(.+):(\d+)\s*$/m.exec(message);
  if (!match) return undefined;
  const file = files.find((f) => f.path === match[1]);
  const line = Number(match[2]);
  const text = file?.text.split(/\r\n|\r|\n/)[line - 1] ?? '';
  return { file: match[1]!, line, column: text.search(/\S/) + 1 || 1 };
}

/** The `error: ...` lines of a validation message, without the source excerpt. */
function errorLines(message: string): string {
  const lines = message.split('\n').filter((l) => l.startsWith('error: '));
  return lines.length > 0 ? lines.map((l) => l.slice('error: '.length)).join('\n') : message.trim();
}
