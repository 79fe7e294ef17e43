import type { Domain, EnumType, QualifiedName } from '@gander/schema';
import { type FoldState, key } from './state.js';

/** An enum or a domain: the user-defined types the model keeps. */
export type TypeObject = EnumType | Domain;

/**
 * Replaces the enum or domain named `schema.name` (unqualified names resolved on the search path,
 * enums before domains, as `ALTER TYPE`/`ALTER DOMAIN`/`COMMENT ON TYPE` find them) with
 * `update(value)`, re-keyed when the update changes its schema or name.
 *
 * @returns the name the object was found under, or `undefined` when there is none (nothing changes).
 */
export function updateTypeObject(
  state: FoldState,
  schema: string | undefined,
  name: string,
  update: (value: TypeObject) => TypeObject,
): QualifiedName | undefined {
  for (const map of [state.enums, state.domains] as Map<string, TypeObject>[]) {
    const found = state.resolve(schema, name, (k) => map.has(k));
    if (!found) continue;
    const k = key(found.schema, found.name);
    const value = map.get(k) as TypeObject;
    const next = update(value);
    if (next.schema === value.schema && next.name === value.name) map.set(k, next);
    else {
      map.delete(k);
      map.set(key(next.schema, next.name), next);
    }
    return found;
  }
  return undefined;
}
