// Installs the exact locked dependencies when node_modules is missing or older than
// the lock file, so `npm start` and `npm test` work on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDeps() {
  const lock = path.join(repoRoot, 'package-lock.json');
  const marker = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
  if (!stale) return;
  process.stderr.write('[vigil] installing dependencies (npm install, from the lock file)…\n');
  // Not `npm ci`: npm 11 records only this platform's optional packages (rollup's
  // native builds) in the lock file and then `npm ci` rejects its own lock file.
  // `npm install` honours the locked versions and tolerates that.
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('[vigil] npm install failed: is the npm registry reachable?\n');
    process.exit(r.status ?? 1);
  }
  // npm may rewrite the lock file; mark node_modules as current for it.
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
