/**
 * `fingerprint` is 64-bit FNV-1a over UTF-8: checked against the FNV reference vectors and against a
 * BigInt transcription of the definition on ASCII, non-ASCII, astral and lone-surrogate texts.
 */
import { fingerprint } from '@gander/schema';
import { describe, expect, it } from 'vitest';

/** The definition, byte by byte in BigInt: the slow implementation `fingerprint` replaced. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** A deterministic generator (mulberry32), so a failure names a reproducible text. */
function texts(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ranges = [0x80, 0x800, 0x10000, 0xd800];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = Math.floor(next() * 80);
    for (let j = 0; j < length; j++) {
      const r = next();
      const range = ranges[r < 0.5 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : 3] as number;
      text += String.fromCharCode(
        range === 0xd800 ? 0xd800 + Math.floor(next() * 0x800) : Math.floor(next() * range),
      );
    }
    out.push(text);
  }
  return out;
}

describe('fingerprint', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('FNV-1a 64 reference vector %j', (text, expected) => {
    expect(fingerprint(text)).toBe(expected);
  });

  it.each([
    ['ASCII SQL', 'CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql'],
    ['two-byte', "COMMENT ON TABLE t IS 'é ü ß'"],
    ['three-byte', "SELECT '€ ☃ \u0800 \uffff'"],
    ['astral pair', "SELECT '😀 𝄞'"],
    ['lone high surrogate at the end', 'x\ud83d'],
    ['lone low surrogate', 'x\ude00y'],
    ['reversed pair', '\ude00\ud83d'],
  ])('%s equals the definition', (_name, text) => {
    expect(fingerprint(text)).toBe(reference(text));
  });

  it('equals the definition on 5,000 generated texts', () => {
    const generated = texts(5000, 20240601);
    const mismatches = generated.filter((text) => fingerprint(text) !== reference(text));
    expect(mismatches).toEqual([]);
  });
});
