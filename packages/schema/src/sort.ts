import type { Model, Table, View } from './model.js';

const byName = <T extends { readonly name: string }>(a: T, b: T) => compare(a.name, b.name);
const byQualified = <T extends { readonly schema: string; readonly name: string }>(a: T, b: T) =>
  compare(a.schema, b.schema) || compare(a.name, b.name);

/** Code-unit order, independent of locale: the order every model array uses. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortTable(table: Table): Table {
  return {
    ...table,
    constraints: [...table.constraints].sort(byName),
    indexes: [...table.indexes].sort(byName),
    triggers: [...table.triggers].sort(byName),
  };
}

function sortView(view: View): View {
  return { ...view, indexes: [...view.indexes].sort(byName) };
}

/**
 * Returns the model with every array in its documented order (see `model.ts`), so two models of the
 * same schema are deep-equal and serialise to the same JSON. Pure; does not mutate its input.
 */
export function sortModel(model: Model): Model {
  return {
    ...model,
    schemas: [...new Set(model.schemas)].sort(compare),
    extensions: [...model.extensions].sort(byName),
    enums: [...model.enums].sort(byQualified),
    domains: [...model.domains].map((d) => ({ ...d, checks: [...d.checks].sort(byName) })).sort(byQualified),
    sequences: [...model.sequences].sort(byQualified),
    tables: model.tables.map(sortTable).sort(byQualified),
    views: model.views.map(sortView).sort(byQualified),
    routines: [...model.routines].sort(
      (a, b) => byQualified(a, b) || compare(a.argumentTypes.join(','), b.argumentTypes.join(',')),
    ),
  };
}

/** The model without `span` fields anywhere (nor `schemaSpans`): what two sources must agree on. */
export function stripSpans(model: Model): Model {
  return JSON.parse(
    JSON.stringify(model, (key, value) => (key === 'span' || key === 'schemaSpans' ? undefined : value)),
  ) as Model;
}
