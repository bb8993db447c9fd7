/**
 * Diffs analyze() of this tree against another checkout over the data rows, for changes that
 * must not alter results (speed work, refactors):
 *
 *   git worktree add /tmp/analysis-base main && ln -s "$PWD/node_modules" /tmp/analysis-base/
 *   npx tsx scripts/analysis/diff-analyze.ts /tmp/analysis-base [max-rows]
 *
 * Prints the count of differing rows and the first few differences.
 */
import * as path from 'node:path';
import { enDomains, zhDomains } from './data';

async function main(): Promise<void> {
  const base = path.resolve(process.argv[2] ?? '/tmp/analysis-base');
  const max = Number(process.argv[3] ?? Infinity);
  const mine = (await import('../../libs/analysis/src')).createAnalyzer();
  const theirs = (await import(path.join(base, 'libs/analysis/src'))).createAnalyzer() as typeof mine;
  const texts = [...zhDomains(), ...enDomains()].flatMap((d) => d.rows.map((r) => r.text)).slice(0, max);
  let diff = 0;
  for (const text of texts) {
    const a = JSON.stringify(mine.analyze({ text }));
    const b = JSON.stringify(theirs.analyze({ text }));
    if (a !== b && ++diff <= 5) console.log(`--- ${text.slice(0, 80)}\n  base: ${b.slice(0, 400)}\n  this: ${a.slice(0, 400)}`);
  }
  console.log(`${diff} of ${texts.length} rows differ`);
}

void main();
