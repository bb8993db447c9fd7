/**
 * How many single complaints become tickets of their own (issue #16, item 1), on real posts nobody
 * on this project wrote (see /work/shared/data/README.md): negative waimai and shopping reviews (zh),
 * CFPB complaint narratives and negative UCI reviews (en). Each post goes through the analyzer and
 * the detector as the processor and detector run them, alone (three days apart, so no post joins
 * another's cluster), and the default plan decides. Printed per corpus, per 1,000 complaints:
 * single-post signals, tickets, tickets by trigger, and beside them in the same run the rule before
 * this change (a ticket only for the four cue combinations). Precision comes from a labelled sample
 * (single-post-labels.json: is the trigger that opened the ticket right about the post?).
 * Usage: VIGIL_DATA_DIR=/work/shared/data tsx scripts/service/eval-single-post.ts [--sample out.jsonl]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { mentionId, type EnrichedMention, type Signal } from '@vigil/contracts';
import { createAnalyzer } from '../../libs/analysis/src';
import { createDetector } from '../../libs/detection/src';
import { resolveConfig } from '../../libs/detection/src/config';
import { decideOnSignal, parsePlan, type Plan } from '../../libs/plan/src';
import { loadCfpb, loadShoppingNegative, loadUciNegative, loadWaimaiNegative, repoRoot } from '../detection/data';

const DAY = 86_400_000;
const sampleOut = process.argv.includes('--sample') ? process.argv[process.argv.indexOf('--sample') + 1] : undefined;
const labelsFile = path.join(__dirname, 'single-post-labels.json');

const planText = fs.readFileSync(path.join(repoRoot, 'libs/plan/default-plan.yaml'), 'utf8');
const parsed = parsePlan(planText);
if (!parsed.ok) throw new Error('default plan invalid');
const plan: Plan = parsed.plan;
const before = parsePlan(planText.replace(/ {2}singlePost:\n {4}triggers: \[[^\]]*\]\n {4}minCueConfidence: [\d.]+\n/, ''));
if (!before.ok || before.plan.opening.singlePost) throw new Error('could not derive the plan without singlePost');
const combos = resolveConfig().signals.riskFlagCombos;

/** A deterministic sample: the same rows on every run, spread over the file. */
function sample<T>(rows: T[], n: number, key: (r: T) => string): T[] {
  const h = (s: string) => createHash('sha1').update(s).digest('hex');
  return rows.length <= n ? rows : [...rows].sort((a, b) => (h(key(a)) < h(key(b)) ? -1 : 1)).slice(0, n);
}

const corpora: { name: string; channel: EnrichedMention['channel']; texts: string[] }[] = [
  { name: 'waimai (zh, negative reviews)', channel: 'review', texts: sample(loadWaimaiNegative(), 4000, (t) => t) },
  { name: 'online shopping (zh, negative)', channel: 'review', texts: sample(loadShoppingNegative().map((r) => r.text), 4000, (t) => t) },
  { name: 'CFPB narratives (en)', channel: 'other', texts: loadCfpb().map((r) => r.text) },
  { name: 'UCI reviews (en, negative)', channel: 'review', texts: loadUciNegative() },
];

interface Opened { corpus: string; id: string; triggers: string[]; cues: string[]; money?: number; text: string }

const analyzer = createAnalyzer();
const opened: Opened[] = [];
const rows: string[][] = [];
const byTrigger = new Map<string, number>();
let all = 0;
for (const c of corpora) {
  const detector = createDetector();
  const t0 = Date.parse('2020-01-01T00:00:00Z');
  let signals = 0;
  let tickets = 0;
  let baseline = 0;
  c.texts.forEach((text, i) => {
    const r = analyzer.analyze({ text });
    const at = new Date(t0 + i * 3 * DAY).toISOString();
    const m: EnrichedMention = {
      id: mentionId(c.name, String(i)), sourceId: c.name, sourceType: 'replay', channel: c.channel, externalId: String(i),
      author: { id: `a${i}` }, text: r.maskedText, truncated: false, publishedAt: at, fetchedAt: at, processedAt: at, analysis: r.analysis,
    };
    for (const s of detector.process(m).signals.filter((x): x is Signal => x.kind === 'risk_flag' && x.key === `mention:${m.id}`)) {
      signals++;
      const d = decideOnSignal(plan, s, undefined, undefined, new Date(at));
      if (d.type === 'open') {
        tickets++;
        const triggers = d.triggers.matched.filter((t) => plan.opening.singlePost!.triggers.includes(t));
        for (const t of triggers) byTrigger.set(`${c.name}|${t}`, (byTrigger.get(`${c.name}|${t}`) ?? 0) + 1);
        opened.push({ corpus: c.name, id: m.id, triggers, cues: s.riskCues, money: s.metrics.maxMoney || undefined, text: text.slice(0, 240) });
      }
      // Before: a single post was signalled only for a cue combination, and opened at the plan's minLevel.
      if (combos.some((combo) => combo.every((k) => s.riskCues.includes(k))) && decideOnSignal(before.plan, s, undefined, undefined, new Date(at)).type === 'open') baseline++;
    }
  });
  all += c.texts.length;
  const per = (x: number) => ((1000 * x) / c.texts.length).toFixed(1);
  rows.push([c.name, String(c.texts.length), per(signals), per(tickets), per(baseline)]);
}

console.log(`single complaints → tickets, default plan (${new Date().toISOString().slice(0, 10)}), ${all} real complaints\n`);
console.log('| corpus | complaints | single-post signals / 1,000 | tickets / 1,000 | before (cue combinations only) / 1,000 |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\ntickets / 1,000 complaints by the trigger that opened them (a ticket may have several):');
for (const c of corpora) {
  const parts = [...byTrigger].filter(([k]) => k.startsWith(`${c.name}|`)).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.split('|')[1]} ${((1000 * v) / c.texts.length).toFixed(1)}`);
  console.log(`  ${c.name}: ${parts.join(', ') || 'none'}`);
}
console.log('  pushed complaints (form, app, e-mail, hotline): every one, by the pushed-complaint trigger (general level)');

// The labelled sample: a fixed draw of opened tickets, judged by a person (trigger right or wrong).
const drawn = sample(opened, 60, (o) => o.id);
if (sampleOut) fs.writeFileSync(sampleOut, drawn.map((o) => JSON.stringify(o)).join('\n') + '\n');
// Judged by the engineer who wrote this (issue #16), reading each drawn post: is a ticket of its own
// right for the reason its trigger names (e.g. 量又少 is "also small", not a repeat complaint)?
const labels: Record<string, { right: boolean; note?: string }> = fs.existsSync(labelsFile) ? JSON.parse(fs.readFileSync(labelsFile, 'utf8')) : {};
const judged = drawn.filter((o) => labels[o.id] !== undefined);
if (judged.length) {
  const right = judged.filter((o) => labels[o.id]!.right).length;
  console.log(`\nprecision on the labelled sample: ${right} of ${judged.length} tickets opened for the right reason (${((100 * right) / judged.length).toFixed(0)}%)`);
  const per = new Map<string, [number, number]>();
  for (const o of judged) for (const t of o.triggers) {
    const [r, n] = per.get(t) ?? [0, 0];
    per.set(t, [r + (labels[o.id]!.right ? 1 : 0), n + 1]);
  }
  console.log(`  tickets right, by a trigger that opened them: ${[...per].sort((a, b) => b[1][1] - a[1][1]).map(([t, [r, n]]) => `${t} ${r}/${n}`).join(', ')}`);
  const perCorpus = new Map<string, [number, number]>();
  for (const o of judged) {
    const [r, n] = perCorpus.get(o.corpus) ?? [0, 0];
    perCorpus.set(o.corpus, [r + (labels[o.id]!.right ? 1 : 0), n + 1]);
  }
  console.log(`  by corpus: ${[...perCorpus].map(([c, [r, n]]) => `${c} ${r}/${n}`).join(', ')}`);
  if (judged.length < drawn.length) console.log(`  (${drawn.length - judged.length} drawn tickets are not labelled yet)`);
} else {
  console.log(`\nno labels yet: run with --sample <file> and judge the ${drawn.length} drawn tickets into ${path.relative(repoRoot, labelsFile)}`);
}
