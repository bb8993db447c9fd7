import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');
export const DASHBOARD_DIST = path.join(REPO, 'dashboards', 'dist');
export const SCREENSHOTS = path.join(REPO, 'test', 'artifacts', 'screenshots');

/** Builds the dashboard once if its dist is missing (VIGIL_REBUILD_DASHBOARD=1 forces it). */
export function ensureDashboardBuilt(): void {
  if (process.env.VIGIL_REBUILD_DASHBOARD !== '1' && fs.existsSync(path.join(DASHBOARD_DIST, 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'dashboards/vite.config.ts'], { cwd: REPO, stdio: 'pipe', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`dashboard build failed:\n${r.stdout}\n${r.stderr}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
