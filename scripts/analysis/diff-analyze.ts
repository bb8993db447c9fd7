/**
 * Diffs analyze() of this tree against another checkout over the data rows, for changes that
 * must not alter results (speed work, refactors):
 *
 *   git worktree add /tmp/analysis-base main && ln -s "$PWD/node_modules" /tmp/analysis-base/
 *   npx tsx scripts/analysis/diff-analyze.ts /tmp/analysis-base [max-rows] [--nudged]
 *
 * `--nudged`: both with the same label nudges in force (seeded, strong enough to move emotions and
 * categories often), for changes to how nudges are read. Prints the count of differing rows, the
 * first few differences and, with --nudged, how many rows the nudges moved at all.
 */
import * as path from 'node:path';
import type { LabelModels } from '../../libs/analysis/src';
import { enDomains, zhDomains } from './data';

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--nudged');
  const nudged = process.argv.includes('--nudged');
  const base = path.resolve(args[0] ?? '/tmp/analysis-base');
  const max = Number(args[1] ?? Infinity);
  const lib = await import('../../libs/analysis/src');
  const config = nudged ? { sentimentModels: { labels: seededNudges() } } : {};
  const mine = lib.createAnalyzer(config);
  const theirs = (await import(path.join(base, 'libs/analysis/src'))).createAnalyzer(config) as typeof mine;
  const plain = nudged ? lib.createAnalyzer() : undefined;
  let moved = 0;
  const texts = [...zhDomains(), ...enDomains()].flatMap((d) => d.rows.map((r) => r.text)).slice(0, max);
  let diff = 0;
  for (const text of texts) {
    const a = JSON.stringify(mine.analyze({ text }));
    const b = JSON.stringify(theirs.analyze({ text }));
    if (plain && JSON.stringify(plain.analyze({ text })) !== a) moved++;
    if (a !== b && ++diff <= 5) console.log(`--- ${text.slice(0, 80)}\n  base: ${b.slice(0, 400)}\n  this: ${a.slice(0, 400)}`);
  }
  console.log(`${diff} of ${texts.length} rows differ${plain ? `; the nudges moved ${moved} of them from the rules' answer` : ''}`);
}

/** Emotion and eight categories, 40,000 ids each, weights in ±1 (Float32, as stored). */
function seededNudges(): LabelModels {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sparse = () => new Map(Array.from({ length: 40_000 }, () => [Math.floor(rnd() * 2 ** 18), Math.fround(rnd() * 2 - 1)] as [number, number]));
  const ids = ['product_quality', 'logistics', 'service_attitude', 'billing_refund', 'function_bug', 'security_privacy', 'price_promotion', 'account_login'];
  return { emotion: sparse(), categories: Object.fromEntries(ids.map((id) => [id, sparse()])) };
}

void main();
