/**
 * A 64-bit FNV-1a fingerprint of a text, as 16 hex digits: the "digest" of function, trigger and view
 * definitions in the model. It detects change; it is not a security hash.
 *
 * Pure JS so that `@gander/schema` stays free of `node:crypto`; every source uses this same function,
 * so digests from migrations, a live database and Prisma compare equal when the canonical texts do.
 *
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, 64-bit offset basis and prime)
 */
export function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  const bytes = new TextEncoder().encode(text);
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
