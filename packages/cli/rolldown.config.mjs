// The shipped CLI: `dist/index.js` (tsc's output) and the @gander/* packages and pure-JS libraries
// it reaches, bundled into `dist/bundle/`, which `bin/gander.js` runs. Loading a few large files
// costs far less than Node's resolve/stat/compile of the hundreds of small ESM files the libraries
// ship as (prisma-ast alone pulls 647: chevrotain, lodash-es). Every `import()` stays a split point,
// so a run still loads only the chunks it needs (`--help` loads no parser, Prisma or pg).
import { defineConfig } from 'rolldown';

/**
 * Left to Node at run time, so they are dependencies of @gander/cli: packages that load files
 * relative to themselves (WebAssembly, their own lazily required files), which a bundle would
 * leave behind. Everything else is bundled, `pg` and `prom-client` included (tried: they work
 * bundled, and a database command starts 10-40 ms sooner).
 */
const external = [
  'libpg-query', // loads its .wasm next to itself
  '@prisma/prisma-schema-wasm', // loads its .wasm next to itself
  '@electric-sql/pglite', // .wasm, .data and contrib extension files next to itself
  'jiti', // requires its transpiler (`../dist/babel.cjs`) relative to itself on first use
];

/**
 * A chunk's name: the package whose entry it holds (`prisma`, `schema`), else the library its first
 * module comes from (`yaml`), else rolldown's (the file it was split from, `run`, `sarif`); never
 * `dist`, the folder every package's entry file sits in.
 */
function chunkName(chunk) {
  for (const id of [chunk.facadeModuleId, ...chunk.moduleIds]) {
    const ours = /[\\/]packages[\\/]([^\\/]+)[\\/]dist[\\/]index\.js$/.exec(id ?? '');
    if (ours) return ours[1];
  }
  const library = /.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?([^\\/]+)[\\/]/.exec(chunk.moduleIds[0] ?? '');
  return library && chunk.name === 'dist' ? library[1] : chunk.name;
}

export default defineConfig({
  input: { gander: 'dist/index.js' },
  platform: 'node',
  // A package's ESM build before its CommonJS one (prisma-ast's `main` picks a CJS build by NODE_ENV).
  resolve: { mainFields: ['module', 'main'] },
  external: (id) =>
    external.some((name) => id === name || id.startsWith(`${name}/`)) || id.startsWith('node:'),
  // `new URL('../sql/catalog.sql', import.meta.url)` (introspect) -> a hashed copy beside the chunks.
  experimental: { resolveNewUrlToAsset: true },
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    cleanDir: true,
    entryFileNames: '[name].js',
    chunkFileNames: (chunk) => `${chunkName(chunk)}-[hash].js`,
    assetFileNames: '[name]-[hash][extname]',
  },
});
