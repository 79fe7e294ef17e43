// Detached helper: once the owning process has died, stop its PostgreSQL server and delete its folder.
// Usage: node watchdog.mjs <owner pid> <server folder>
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [ownerArg, dir] = process.argv.slice(2);
const owner = Number(ownerArg);
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};
const timer = setInterval(() => {
  if (alive(owner)) return;
  clearInterval(timer);
  const pidFile = join(dir, 'data', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pm = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
    if (pm && alive(pm)) {
      try {
        process.kill(pm, 'SIGQUIT');
      } catch {}
    }
  }
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 300);
}, 500);
