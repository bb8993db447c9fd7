/**
 * Three classes and sarcasm: TweetEval sentiment on its held-out rows (in domain: the shipped
 * models train on the other rows), the airline tweets (a domain nothing trains on), neutral
 * recall beside the always-negative baseline; TweetEval irony: how ironic tweets come out.
 */
import { createAnalyzer } from '../../libs/analysis/src';
import { enDomains, isHeldOut, loadTweetIrony, loadTweetSentiment } from './data';
import { Confusion, pct, table, TRI } from './metrics';

const INDEX = { negative: 0, neutral: 1, positive: 2 } as const;

export function printTriClass(): void {
  const analyzer = createAnalyzer();
  const sets = [
    { name: 'TweetEval sentiment, held-out rows (in domain)', rows: loadTweetSentiment().rows.filter((r) => isHeldOut(r.text)) },
    { name: 'airline tweets (test only: no model trains on them)', rows: enDomains().find((d) => d.name.startsWith('airline'))!.rows },
  ];
  console.log('\n## English 3-class (negative / neutral / positive), analyzer label');
  const out: string[][] = [];
  for (const s of sets) {
    const cm = new Confusion(TRI, TRI);
    for (const r of s.rows) cm.add(r.label, INDEX[analyzer.analyze({ text: r.text }).analysis.sentiment.label]);
    const majority = Math.max(...[0, 1, 2].map((k) => s.rows.filter((r) => r.label === k).length)) / s.rows.length;
    out.push([s.name, String(s.rows.length), pct(cm.accuracy), pct(cm.macroF1()), pct(cm.recall('neu')), pct(cm.precision('neu')), pct(cm.precision('pos')), pct(majority), cm.compact()]);
  }
  console.log(table(['data', 'n', 'accuracy', 'macro-F1', 'neu recall', 'neu prec', 'pos prec', 'majority', 'confusion (gold→pred neg neu pos)'], out));
}

/** The irony data keep many of the hashtags they were collected by (#not, #sarcasm, #irony): scored with and without them. */
const MARKERS = /#(?:not|sarcasm|sarcastic|irony|ironic|notreally)\b/gi;

export function printIrony(analyzer = createAnalyzer(), quiet = false): { published: number; stripped: number } {
  const [published, stripped] = [false, true].map((strip) => ironyOn(loadTweetIrony('test').map((r) => ({ ...r, text: strip ? r.text.replace(MARKERS, ' ').trim() : r.text })), strip, analyzer, quiet));
  return { published: published!, stripped: stripped! };
}

/** Prints the figures; returns the share of ironic tweets labelled positive. */
function ironyOn(rows: { text: string; label: number }[], stripped: boolean, analyzer: ReturnType<typeof createAnalyzer>, quiet: boolean): number {
  let tp = 0, fp = 0, fn = 0;
  const pos = { ironic: 0, nIronic: 0, plain: 0, nPlain: 0 };
  for (const r of rows) {
    const parts = analyzer.sentimentParts({ text: r.text });
    const flagged = parts.rules.special.includes('sarcasm');
    const label = analyzer.analyze({ text: r.text }).analysis.sentiment.label;
    if (flagged && r.label === 1) tp++; else if (flagged) fp++; else if (r.label === 1) fn++;
    if (r.label === 1) { pos.nIronic++; if (label === 'positive') pos.ironic++; } else { pos.nPlain++; if (label === 'positive') pos.plain++; }
  }
  const p = tp / (tp + fp || 1), rc = tp / (tp + fn || 1);
  if (quiet) return pos.ironic / pos.nIronic;
  console.log(`\n## Sarcasm and irony: TweetEval irony test split (n=${rows.length}; nothing trains on it)${stripped ? ', marker hashtags removed' : ', as published (marker hashtags kept)'}`);
  console.log(`sarcasm cue against the irony label: precision ${pct(p)}  recall ${pct(rc)}  F1 ${pct((2 * p * rc) / (p + rc || 1))}`);
  console.log(`labelled positive: ironic tweets ${pct(pos.ironic / pos.nIronic)}  (praise that is not: lower is better), other tweets ${pct(pos.plain / pos.nPlain)}`);
  return pos.ironic / pos.nIronic;
}
