/**
 * Schemas written for Prisma 5/6 under Prisma 7's validator.
 *
 * Prisma 7 rejects `url`, `directUrl` and `shadowDatabaseUrl` in the datasource block (they moved
 * to prisma.config.ts) and preview features it no longer knows (`metrics`, ...). Neither changes
 * the database a schema describes, so before validation these are blanked out, character for
 * character, so every offset, line and column Prisma reports stays that of the real file. Each
 * blanked item becomes a note.
 *
 * @see https://pris.ly/d/config-datasource
 */
import type { PrismaFile } from './files.js';
import { prismaSchemaWasm } from './wasm.js';

const connectionKeys = ['url', 'directUrl', 'shadowDatabaseUrl'];

let knownFeatures: ReadonlySet<string> | undefined;

function previewFeatures(): ReadonlySet<string> {
  knownFeatures ??= new Set(JSON.parse(prismaSchemaWasm().preview_features()) as string[]);
  return knownFeatures;
}

/** `text` with `[start, end)` replaced by spaces (line breaks kept). */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

/** The `{ ... }` body range of every `datasource`/`generator` block. */
function blocks(text: string, keyword: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = new RegExp(`^\\s*${keyword}\\s+\\w+\\s*\\{`, 'gm');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('}', start);
    out.push({ start, end: end === -1 ? text.length : end });
  }
  return out;
}

/**
 * The files with Prisma-7-rejected datasource URLs and unknown preview features blanked out, and
 * a note for each.
 */
export function prisma7Compatible(files: readonly PrismaFile[]): { files: PrismaFile[]; notes: string[] } {
  const notes: string[] = [];
  const out = files.map((file) => {
    let text = file.text;
    for (const block of blocks(text, 'datasource')) {
      const body = text.slice(block.start, block.end);
      const re = new RegExp(`^([ \\t]*)(${connectionKeys.join('|')})\\s*=[^\\r\\n]*`, 'gm');
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const start = block.start + m.index + m[1]!.length;
        text = blank(text, start, block.start + m.index + m[0].length);
        notes.push(
          `${file.path}: datasource \`${m[2]}\` ignored (Prisma 7 reads connection URLs from prisma.config.ts)`,
        );
      }
    }
    for (const block of blocks(text, 'generator')) {
      const body = text.slice(block.start, block.end);
      const m = /previewFeatures\s*=\s*\[([^\]]*)\]/.exec(body);
      if (!m) continue;
      const names = [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!);
      const unknown = names.filter((n) => /^\w+$/.test(n) && !previewFeatures().has(n));
      if (unknown.length === 0) continue;
      const listStart = block.start + m.index + m[0].indexOf('[');
      let list = text.slice(listStart, listStart + m[0].length - m[0].indexOf('['));
      for (const name of unknown) {
        const token = new RegExp(`"${name}"\\s*,|,\\s*"${name}"|"${name}"`);
        const hit = token.exec(list);
        if (hit) list = blank(list, hit.index, hit.index + hit[0].length);
      }
      text = `${text.slice(0, listStart)}${list}${text.slice(listStart + list.length)}`;
      notes.push(
        `${file.path}: unknown preview feature(s) ${unknown.map((n) => `"${n}"`).join(', ')} ignored`,
      );
    }
    return { path: file.path, text };
  });
  return { files: out, notes };
}
