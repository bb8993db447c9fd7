/**
 * Draws the risk-cue precision samples: every text of the real corpora (../shared/data and data/)
 * is analysed, and for each cue kind the posts it fires on are ordered by a seeded hash and the
 * first N kept. A person then labels each row (1 = a person would agree this post carries that
 * risk, 0 = not) in the `label` column; `npm run eval:analysis` prints precision per kind.
 *
 *   npx tsx scripts/analysis/cue-sample.ts <seed> data/cue-samples/<seed>.tsv
 *
 * The seed is part of the file: "before" was drawn before the cue rules of #14 changed, "after"
 * with a fresh seed after. Existing labels are never rewritten by this script (it refuses to
 * overwrite a file).
 */
import * as fs from 'node:fs';
import { RiskCueKind } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { fnv1a } from '../../libs/analysis/src/features';
import { enDomains, loadTweetEmotion, loadTweetIrony, zhDomains } from './data';

export const KEY_KINDS = ['safety', 'data_leak', 'media', 'regulator'] as const;
const N_KEY = 40;
const N_OTHER = 12;

export function corpusTexts(): string[] {
  const texts = [
    ...zhDomains(), ...enDomains(),
  ].flatMap((d) => d.rows.map((r) => r.text));
  texts.push(...loadTweetEmotion().rows.map((r) => r.text), ...(['train', 'val', 'test'] as const).flatMap((s) => loadTweetIrony(s).map((r) => r.text)));
  return [...new Set(texts)];
}

function main(): void {
  const [seed, out] = process.argv.slice(2);
  if (!seed || !out) throw new Error('usage: cue-sample.ts <seed> <out.tsv>');
  if (fs.existsSync(out)) throw new Error(`${out} exists: labels are never overwritten`);
  const analyzer = createAnalyzer();
  const fired = new Map<string, { text: string; evidence: string; context: string; confidence?: number }[]>();
  for (const text of corpusTexts()) {
    const { analysis, maskedText, maskedTitle } = analyzer.analyze({ text });
    for (const c of analysis.riskCues) {
      const src = c.field === 'title' ? maskedTitle ?? '' : maskedText;
      const context = src.slice(Math.max(0, c.start - 90), Math.min(src.length, c.end + 90)).replace(/\s+/g, ' ');
      const list = fired.get(c.kind) ?? [];
      list.push({ text, evidence: c.evidence, context, ...((c as { confidence?: number }).confidence !== undefined ? { confidence: (c as { confidence?: number }).confidence } : {}) });
      fired.set(c.kind, list);
    }
  }
  const lines = ['kind\tfired\tid\tconfidence\tevidence\tcontext\tlabel'];
  for (const kind of RiskCueKind.options) {
    const list = fired.get(kind) ?? [];
    const n = (KEY_KINDS as readonly string[]).includes(kind) ? N_KEY : N_OTHER;
    const picked = [...list].sort((a, b) => fnv1a(seed + a.text) - fnv1a(seed + b.text)).slice(0, n);
    for (const p of picked) lines.push([kind, list.length, fnv1a(p.text).toString(16), p.confidence ?? '', p.evidence, p.context.replace(/\t/g, ' '), ''].join('\t'));
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${out}: ${lines.length - 1} rows; fired per kind: ${RiskCueKind.options.map((k) => `${k} ${fired.get(k)?.length ?? 0}`).join(', ')}`);
}

if (require.main === module) main();
