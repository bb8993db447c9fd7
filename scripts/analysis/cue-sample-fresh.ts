/**
 * Draws a fresh cue-precision sample from the real texts that no earlier sample could have drawn
 * (scripts/analysis/cue-sample.ts scans corpusTexts()): the posts of ../shared/data/feeds (App Store
 * review pages, RSS/Atom items) and the CrowdFlower tweets below the annotators' confidence cut that
 * the sentiment sets drop. Every fire of the asked cue kinds is kept (they are few), in a seeded
 * hash order, unlabelled; a person labels the `label` column before any rule is scored on them.
 *
 *   npx tsx scripts/analysis/cue-sample-fresh.ts <seed> <out.tsv> [kind,kind…]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { RiskCueKind } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { fnv1a } from '../../libs/analysis/src/features';
import { corpusTexts } from './cue-sample';
import { addedDataDir, dataDir } from './data';

const strip = (s: string) => s.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim();

/** Texts of the feeds (review title + text; item title + description) and the low-agreement CrowdFlower tweets. */
export function freshTexts(): { corpus: string; text: string }[] {
  const out: { corpus: string; text: string }[] = [];
  const feeds = path.join(dataDir, 'feeds');
  for (const f of fs.readdirSync(path.join(feeds, 'appstore')).filter((f) => f.endsWith('.json')).sort()) {
    let doc: { feed?: { entry?: Array<{ title?: { label?: string }; content?: { label?: string } }> } };
    try {
      doc = JSON.parse(fs.readFileSync(path.join(feeds, 'appstore', f), 'utf8')) as typeof doc;
    } catch {
      continue; // the deliberately invalid pages
    }
    for (const e of doc.feed?.entry ?? []) if (e.content?.label) out.push({ corpus: `feeds/appstore/${f}`, text: `${e.title?.label ?? ''}\n${e.content.label}` });
  }
  for (const f of fs.readdirSync(path.join(feeds, 'rss')).filter((f) => /\.(?:rss|atom)$/.test(f)).sort()) {
    const xml = fs.readFileSync(path.join(feeds, 'rss', f), 'utf8');
    for (const m of xml.matchAll(/<(item|entry)[\s>][\s\S]*?<\/\1>/g)) {
      const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(m[0])?.[1] ?? '';
      const body = /<(description|content:encoded|content|summary)[^>]*>([\s\S]*?)<\/\1>/.exec(m[0])?.[2] ?? '';
      out.push({ corpus: `feeds/rss/${f}`, text: strip(`${title}. ${body}`) });
    }
  }
  const cf = parse(fs.readFileSync(path.join(addedDataDir, 'en/crowdflower_tweets.tsv')), { columns: true, delimiter: '\t', relax_quotes: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const r of cf) if (r.text) out.push({ corpus: 'data/en/crowdflower_tweets.tsv (low agreement)', text: r.text });
  const seen = new Set(corpusTexts());
  return out.filter((x) => x.text && !seen.has(x.text) && (seen.add(x.text), true));
}

function main(): void {
  const [seed, out, kinds] = process.argv.slice(2);
  if (!seed || !out) throw new Error('usage: cue-sample-fresh.ts <seed> <out.tsv> [kind,kind…]');
  if (fs.existsSync(out)) throw new Error(`${out} exists: labels are never overwritten`);
  const want = new Set((kinds ?? RiskCueKind.options.join(',')).split(','));
  const analyzer = createAnalyzer();
  const texts = freshTexts();
  const rows: { kind: string; corpus: string; text: string; evidence: string; context: string; confidence?: number }[] = [];
  for (const { corpus, text } of texts) {
    const { analysis, maskedText, maskedTitle } = analyzer.analyze({ text });
    for (const c of analysis.riskCues) {
      if (!want.has(c.kind)) continue;
      const src = c.field === 'title' ? maskedTitle ?? '' : maskedText;
      rows.push({ kind: c.kind, corpus, text, evidence: c.evidence, context: src.slice(Math.max(0, c.start - 90), Math.min(src.length, c.end + 90)).replace(/\s+/g, ' '), ...(c.confidence !== undefined ? { confidence: c.confidence } : {}) });
    }
  }
  rows.sort((a, b) => fnv1a(seed + a.text) - fnv1a(seed + b.text));
  const lines = [
    `# drawn ${new Date().toISOString().slice(0, 10)} by scripts/analysis/cue-sample-fresh.ts ${seed} (${[...want].join(',')}): every fire, any confidence, over ${texts.length} texts no earlier sample scanned`,
    '# (../shared/data/feeds App Store pages and RSS/Atom items; data/en/crowdflower_tweets.tsv rows below the 0.7 agreement cut). Labels written before the new rule was scored.',
    'kind\tfired\tid\tconfidence\tevidence\tcontext\tlabel\tcorpus',
  ];
  for (const r of rows) lines.push([r.kind, rows.filter((x) => x.kind === r.kind).length, fnv1a(r.text).toString(16), r.confidence ?? '', r.evidence, r.context.replace(/\t/g, ' '), '', r.corpus].join('\t'));
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`${out}: ${rows.length} rows over ${texts.length} texts; per kind: ${[...want].map((k) => `${k} ${rows.filter((r) => r.kind === k).length}`).join(', ')}`);
}

if (require.main === module) main();
