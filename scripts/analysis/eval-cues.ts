/**
 * Risk-cue precision from the labelled samples in data/cue-samples/ (how each was drawn:
 * cue-sample.ts; labels are a person's judgement of each row). Each sample was drawn from the
 * posts the cue rules of its time fired on: "before" before the rules of #14 changed, the others
 * after each change, the last one with the rules as they are now. Also a recall check: of the
 * posts the "before" sample labels as real risks, how many the current rules still flag.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CONFIDENT_CUE, RiskCueKind } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { fnv1a } from '../../libs/analysis/src/features';
import { addedDataDir } from './data';
import { corpusTexts, KEY_KINDS } from './cue-sample';
import { pct, table } from './metrics';

const SAMPLES = ['before', 'after', 'final', 'final2'];

interface Labelled { kind: string; id: string; confidence: number | undefined; label: string }

function read(name: string): Labelled[] {
  const file = path.join(addedDataDir, 'cue-samples', `${name}.tsv`);
  if (!fs.existsSync(file)) return [];
  return (parse(fs.readFileSync(file), { columns: true, delimiter: '\t', relax_quotes: true, quote: false }) as Record<string, string>[])
    .map((r) => ({ kind: r.kind!, id: r.id!, confidence: r.confidence ? Number(r.confidence) : undefined, label: r.label ?? '' }));
}

export function printCuePrecision(): void {
  console.log(`\n## Risk-cue precision on labelled samples of real posts (data/cue-samples/; "confident" = confidence ≥ ${CONFIDENT_CUE}, what may open a ticket from one post)`);
  const header = ['kind', ...SAMPLES.flatMap((s) => [`${s}`, `${s} confident`])];
  const rows: string[][] = [];
  const samples = SAMPLES.map(read);
  for (const kind of RiskCueKind.options) {
    const cells = samples.flatMap((rs) => {
      const l = rs.filter((r) => r.kind === kind && r.label !== '');
      const c = l.filter((r) => (r.confidence ?? 1) >= CONFIDENT_CUE);
      const p = (xs: Labelled[]) => (xs.length ? `${pct(xs.filter((r) => r.label === '1').length / xs.length)} (${xs.length})` : '');
      return [p(l), p(c)];
    });
    rows.push([(KEY_KINDS as readonly string[]).includes(kind) ? `${kind} *` : kind, ...cells]);
  }
  console.log(table(header, rows));
  console.log('* target ≥ 90 %. before: drawn before the rule change, no confidence existed (every cue counted). Rows labelled in a sample only.');

  // Recall check on the real risks the first sample found.
  const positives = new Map(samples[0]!.filter((r) => r.label === '1').map((r) => [r.id, r.kind]));
  const analyzer = createAnalyzer();
  const kept = new Map<string, { n: number; any: number; confident: number }>();
  for (const text of corpusTexts()) {
    const kind = positives.get(fnv1a(text).toString(16));
    if (!kind) continue;
    const cue = analyzer.analyze({ text }).analysis.riskCues.find((c) => c.kind === kind);
    const k = kept.get(kind) ?? { n: 0, any: 0, confident: 0 };
    k.n++;
    if (cue) k.any++;
    if (cue && (cue.confidence ?? 1) >= CONFIDENT_CUE) k.confident++;
    kept.set(kind, k);
  }
  console.log('recall check: of the posts the "before" sample labels as real risks, still flagged now (any / confident):');
  console.log('  ' + [...kept].map(([k, v]) => `${k} ${v.any}/${v.n} / ${v.confident}/${v.n}`).join(', '));
}

if (require.main === module) printCuePrecision();
