import fs from 'node:fs';
import path from 'node:path';

/** The checkout's root, from source (vitest, tsx) or from dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, 'tsconfig.build.json')) === false) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the Vigil checkout above ${from}`);
    dir = up;
  }
  return dir;
}
