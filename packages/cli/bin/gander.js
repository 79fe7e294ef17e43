#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// A gander run is short: its WebAssembly (Prisma's validator, PostgreSQL's parser) runs as V8's
// baseline compiler (Liftoff) makes it, at once, instead of being recompiled by the optimizing one
// (TurboFan), which costs more CPU than such a run gains (cold sync-check of my-girok: about
// 1.6 s -> 1.0 s of CPU). Set before any module is compiled; tests calling main() keep V8's default.
setFlagsFromString('--liftoff-only');
// The bundle `pnpm build` makes (rolldown.config.mjs): a few chunks instead of hundreds of files.
const { main } = await import('../dist/bundle/gander.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`gander: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  },
);
