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
  process.stderr.write('[vigil] installing dependencies (npm ci, exactly the lock file)…\n');
  // `npm ci` never rewrites the lock file, so a fresh clone stays clean. The lock file
  // records every platform's optional packages (rollup's and esbuild's native builds):
  // written by `npm install` on a machine that had them all resolved, it is accepted here.
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('[vigil] npm ci failed: is the npm registry reachable, and does package-lock.json match package.json?\n');
    process.exit(r.status ?? 1);
  }
  // Mark node_modules as current for the lock file.
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/**
 * The browser tests drive Debian's Chromium (playwright-core downloads no browser here).
 * On a fresh machine it is installed from Debian's packages when we may (root); otherwise
 * the error says what to do. CHROMIUM_PATH points elsewhere.
 */
export function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(exe)) return;
  if (process.env.CHROMIUM_PATH || typeof process.getuid !== 'function' || process.getuid() !== 0) {
    process.stderr.write(`[vigil] ${exe} is missing: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH\n`);
    process.exit(1);
  }
  process.stderr.write('[vigil] installing chromium from Debian for the browser tests (apt-get install chromium)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0) {
    // A fresh image may have no package lists yet.
    if (run('apt-get', ['update'], { env }) !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env }) !== 0) {
      process.stderr.write('[vigil] apt-get install chromium failed: are Debian\'s package mirrors reachable?\n');
      process.exit(1);
    }
  }
}

/**
 * The report tests read the PDFs they make with pdftotext (Debian's poppler-utils), installed
 * like chromium when missing and we may; PDFTOTEXT_PATH points elsewhere.
 */
export function ensurePdfTools() {
  const exe = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
  if (fs.existsSync(exe)) return;
  if (process.env.PDFTOTEXT_PATH || typeof process.getuid !== 'function' || process.getuid() !== 0) {
    process.stderr.write(`[vigil] ${exe} is missing: install Debian's poppler-utils (apt-get install poppler-utils) or set PDFTOTEXT_PATH\n`);
    process.exit(1);
  }
  process.stderr.write('[vigil] installing poppler-utils from Debian for the report tests (apt-get install poppler-utils)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', '--no-install-recommends', 'poppler-utils'], { env }) !== 0) {
    if (run('apt-get', ['update'], { env }) !== 0 || run('apt-get', ['install', '-y', '--no-install-recommends', 'poppler-utils'], { env }) !== 0) {
      process.stderr.write("[vigil] apt-get install poppler-utils failed: are Debian's package mirrors reachable?\n");
      process.exit(1);
    }
  }
}
