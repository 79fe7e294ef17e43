/**
 * A 64-bit FNV-1a fingerprint of a text, as 16 hex digits: the "digest" of function, trigger and view
 * definitions in the model. It detects change; it is not a security hash.
 *
 * Pure JS so that `@gander/schema` stays free of `node:crypto`; every source uses this same function,
 * so digests from migrations, a live database and Prisma compare equal when the canonical texts do.
 *
 * The hash runs over the UTF-8 bytes of `text` (a lone surrogate as U+FFFD, as `TextEncoder` does),
 * encoded on the fly, with the 64-bit state in four 16-bit limbs: every product stays below 2^27, so
 * plain number arithmetic is exact (BigInt was ten times slower).
 *
 * @see http://www.isthe.com/chongo/tech/comp/fnv/ (FNV-1a, 64-bit offset basis and prime)
 */
export function fingerprint(text: string): string {
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  // hash = (hash ^ byte) * (2^40 + 0x1b3) mod 2^64; 2^40 moves limb i to limb i + 2, 8 bits up.
  const absorb = (byte: number): void => {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      absorb(code);
      continue;
    }
    if (code < 0x800) {
      absorb(0xc0 | (code >> 6));
      absorb(0x80 | (code & 0x3f));
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    }
    if (code < 0x10000) {
      absorb(0xe0 | (code >> 12));
    } else {
      absorb(0xf0 | (code >> 18));
      absorb(0x80 | ((code >> 12) & 0x3f));
    }
    absorb(0x80 | ((code >> 6) & 0x3f));
    absorb(0x80 | (code & 0x3f));
  }
  const hex = (limb: number) => limb.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
