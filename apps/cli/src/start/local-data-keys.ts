import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataKeyRing } from '@vigil/common';
import { repoRoot } from '../repo-root';

/**
 * `vigil start` without VIGIL_DATA_KEYS: a key kept beside the embedded servers' state (mode 0600),
 * so contacts sealed by one run still open in the next. A deployment sets VIGIL_DATA_KEYS itself.
 */
export function localDataKeys(): { keys: string; file: string; created: boolean } {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const home = process.env.VIGIL_HOME ?? (isRoot ? '/var/lib/vigil' : path.join(repoRoot(), '.vigil'));
  const file = path.join(home, 'data-keys');
  if (fs.existsSync(file)) return { keys: fs.readFileSync(file, 'utf8').trim(), file, created: false };
  fs.mkdirSync(home, { recursive: true });
  const keys = DataKeyRing.generateEntry('local1');
  fs.writeFileSync(file, keys + os.EOL, { mode: 0o600 });
  return { keys, file, created: true };
}
