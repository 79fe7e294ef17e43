#!/usr/bin/env node
// Wall time of `gander sync-check` over every my-girok service (fixtures/my-girok/gander.config.json),
// beside a bare `node` start in the same run: start-up alone (`gander --help`); a cold process with
// `--no-cache` and with the cache filled by an earlier run (a pre-commit hook run after run); in one
// process, the first run, the second, and the median of runs 2..N+1 (warm), without the cache and
// with it, with their parts (config, prisma, sql, diff). Medians of --runs N (default 5). Needs `pnpm build` and the corpus
// (GANDER_CORPORA).
//
// `--against DIR` times the same cold runs of another build (a folder laid out like this repository,
// with packages/*/dist, e.g. a copy made before a change), interleaved run by run with this one, so
// both are read under the same load.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const flag = (name) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const runs = Number(flag('--runs') ?? 5);
const against = flag('--against');
const config = 'fixtures/my-girok/gander.config.json';
const args = ['sync-check', '--config', config, '--format', 'json', '--no-database'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const cacheDir = mkdtempSync(join(tmpdir(), 'gander-bench-cache-'));

function spawnMs(argv, root = repo) {
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    argv[0] === '-e' ? argv : [join(root, 'packages/cli/bin/gander.js'), ...argv],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: {
        ...process.env,
        NO_COLOR: '1',
        GANDER_CACHE_DIR: join(cacheDir, root === repo ? 'this' : 'other'),
      },
    },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`gander exited ${r.status}: ${r.stderr}`);
  return performance.now() - start;
}

/** Median ms of cold runs of each build, interleaved; `argv(root)` gives each build's arguments. */
function cold(argv, builds) {
  const times = builds.map(() => []);
  for (let i = 0; i < runs; i += 1) {
    for (const [j, root] of builds.entries()) times[j].push(spawnMs(argv(root), root));
  }
  return times.map(median);
}

/** Whether a build has the cache (`--no-cache`); an older one always computes everything. */
const hasCache = (root) =>
  spawnSync(process.execPath, [join(root, 'packages/cli/bin/gander.js'), 'sync-check', '--help'], {
    encoding: 'utf8',
  }).stdout.includes('--no-cache');

const builds = against ? [repo, against] : [repo];
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${runs} runs each${against ? `; against ${against}` : ''}`,
);
const node = median(Array.from({ length: runs }, () => spawnMs(['-e', ''])));
const caching = new Map(builds.map((root) => [root, hasCache(root)]));
const startup = cold(() => ['--help'], builds);
const uncached = cold((root) => (caching.get(root) ? [...args, '--no-cache'] : args), builds);
for (const root of builds) spawnMs(args, root); // fills each build's cache
const cached = cold(() => args, builds);
const row = (label, values) =>
  console.log(`  ${label.padEnd(40)} ${values.map(ms).join('   (against: ')}${values.length > 1 ? ')' : ''}`);

const { runSyncCheck } = await import(pathToFileURL(join(repo, 'packages/cli/dist/sync-check/run.js')).href);
const inProcess = async (cache) => {
  const options = {
    cwd: repo,
    env: { ...process.env, GANDER_CACHE_DIR: join(cacheDir, 'in-process') },
    config,
    database: false,
    failOn: 'error',
    cache,
  };
  const t = performance.now();
  const result = await runSyncCheck(options);
  return { ms: performance.now() - t, result };
};
const parts = (r) =>
  Object.entries(r.timings.ms)
    .filter(([, v]) => v >= 0.5)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
const first = await inProcess(false);
const warm = [];
for (let i = 0; i < runs; i += 1) warm.push(await inProcess(false));
await inProcess(true); // fills the cache
const warmCached = [];
for (let i = 0; i < runs; i += 1) warmCached.push(await inProcess(true));
const mid = (list) => [...list].sort((a, b) => a.ms - b.ms)[Math.floor(list.length / 2)];
rmSync(cacheDir, { recursive: true, force: true });

const s = first.result.report.summary;
console.log(
  `gander sync-check, my-girok (${s.services} services; ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info)`,
);
console.log(`  ${'node -e "" (reference: a bare node start)'.padEnd(40)} ${ms(node)}`);
row('start-up (gander --help, cold process)', startup);
row('cold process, --no-cache', uncached);
row('cold process, cache filled', cached);
console.log(`  ${'first run in process, no cache'.padEnd(40)} ${ms(first.ms)} (${parts(first.result)})`);
console.log(`  ${'second run in process, no cache'.padEnd(40)} ${ms(warm[0].ms)} (${parts(warm[0].result)})`);
console.log(
  `  ${`warm (runs 2-${runs + 1} in process), no cache`.padEnd(40)} ${ms(mid(warm).ms)} (${parts(mid(warm).result)}) median; target < 300 ms`,
);
console.log(
  `  ${'warm, cache filled'.padEnd(40)} ${ms(mid(warmCached).ms)} (${parts(mid(warmCached).result)})`,
);
