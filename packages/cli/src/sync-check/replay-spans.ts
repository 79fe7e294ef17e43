/**
 * Source positions for a replayed chain. `--replay` runs the migrations and introspects the result,
 * which is exact but knows no file:line; the static fold of the same chain does. `withFoldSpans`
 * puts the fold's spans on the replayed model's objects of the same name, so findings still say
 * which migration last touched an object. Objects only the replay has (made by a `DO` block or a
 * function run for its effects) keep no position.
 */
import type { Model, SourceSpan } from '@gander/schema';

interface Spanned {
  readonly span?: SourceSpan;
}

/** `items` with the span of the same-keyed item of `spans` where they have none; `inner` refines each. */
function transfer<T extends Spanned>(
  items: readonly T[],
  spans: readonly T[],
  key: (item: T) => string,
  inner: (item: T, source: T) => T = (item) => item,
): T[] {
  const byKey = new Map(spans.map((item) => [key(item), item]));
  return items.map((item) => {
    const source = byKey.get(key(item));
    if (!source) return item;
    const refined = inner(item, source);
    return refined.span || !source.span ? refined : { ...refined, span: source.span };
  });
}

const qualified = (item: { readonly schema: string; readonly name: string }) => `${item.schema}.${item.name}`;
const named = (item: { readonly name: string }) => item.name;

/**
 * The replayed model with the fold's spans on every object the fold has under the same name
 * (tables and their columns, constraints, indexes and triggers; enums, domains, sequences, views,
 * routines by signature, extensions, schemas). Nothing else changes.
 */
export function withFoldSpans(replayed: Model, folded: Model): Model {
  return {
    ...replayed,
    extensions: transfer(replayed.extensions, folded.extensions, named),
    enums: transfer(replayed.enums, folded.enums, qualified),
    domains: transfer(replayed.domains, folded.domains, qualified),
    sequences: transfer(replayed.sequences, folded.sequences, qualified),
    tables: transfer(replayed.tables, folded.tables, qualified, (table, source) => ({
      ...table,
      columns: transfer(table.columns, source.columns, named),
      constraints: transfer(table.constraints, source.constraints, named),
      indexes: transfer(table.indexes, source.indexes, named),
      triggers: transfer(table.triggers, source.triggers, named),
    })),
    views: transfer(replayed.views, folded.views, qualified, (view, source) => ({
      ...view,
      indexes: transfer(view.indexes, source.indexes, named),
    })),
    routines: transfer(
      replayed.routines,
      folded.routines,
      (routine) => `${qualified(routine)}(${routine.argumentTypes.join(', ')})`,
    ),
    ...schemaSpansOf(replayed, folded),
  };
}

/** The fold's `CREATE SCHEMA` spans of the schemas the replayed model has. */
function schemaSpansOf(replayed: Model, folded: Model): Pick<Model, 'schemaSpans'> {
  const spans = Object.entries(folded.schemaSpans ?? {}).filter(([schema]) =>
    replayed.schemas.includes(schema),
  );
  return spans.length > 0 ? { schemaSpans: Object.fromEntries(spans) } : {};
}
