import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The text of a PDF as poppler's pdftotext reads it (layout kept), installed by `npm test`'s set-up. */
export function pdfText(file: string): string {
  const exe = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
  if (!fs.existsSync(exe)) throw new Error(`${exe} is missing: run npm test (it installs poppler-utils as root) or apt-get install poppler-utils`);
  const r = spawnSync(exe, ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}
