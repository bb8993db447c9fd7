/**
 * Which storms Vigil finds late (after 2 h) or not at all, and what their first 2 h look like
 * beside the brand's ordinary stream: posts and complaints (storm vs background), the negative
 * share, the top category's share of complaints, distinct authors, and text similarity (mean
 * pairwise Jaccard of the posts' tokens) of the 2 h against the same hours of the 7 days before.
 * Usage: tsx scripts/detection/streams/late-storms.ts
 */
import type { EnrichedMention } from '@vigil/contracts';
import { resolveConfig } from '../../../libs/detection/src/config';
import { complaintCategories, isComplaint } from '../../../libs/detection/src/features';
import { cfpbCompanies } from './cfpb';
import { enrich } from './enrich';
import { DAY, HOUR } from './rhythm';
import { vigil } from './run-streams';
import { enSocial, zhDelivery, zhShopping, type Scenario } from './scenarios';
import { scoreScenario } from './score';

const cfg = resolveConfig();

interface Slice { posts: number; complaints: number; neg: number; topCat: [string, number]; authors: number; sim: number }

function jaccard(a: Set<string>, b: Set<string>): number {
  let i = 0;
  for (const x of a) if (b.has(x)) i++;
  return i / Math.max(1, a.size + b.size - i);
}

function slice(ms: EnrichedMention[], cat?: string): Slice {
  const comp = ms.filter((m) => isComplaint(m, cfg));
  const cats = new Map<string, number>();
  for (const m of comp) for (const c of complaintCategories(m, cfg)) cats.set(c, (cats.get(c) ?? 0) + 1);
  const top = cat !== undefined ? [cat, cats.get(cat) ?? 0] as [string, number] : ([...cats].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0]);
  const toks = comp.slice(0, 60).map((m) => new Set(m.analysis.tokens));
  let s = 0;
  let n = 0;
  for (let i = 0; i < toks.length; i++) for (let j = i + 1; j < toks.length; j++) { s += jaccard(toks[i]!, toks[j]!); n++; }
  return {
    posts: ms.length, complaints: comp.length, neg: ms.filter((m) => m.analysis.sentiment.label === 'negative').length,
    topCat: top, authors: new Set(ms.map((m) => m.author?.id)).size, sim: n ? s / n : 0,
  };
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');

function run(s: Scenario): void {
  const stream = enrich(s.name, s.posts);
  const sc = scoreScenario(s, stream, vigil.run(s, stream));
  for (const st of sc.storms) {
    const inc = st.incident;
    const late = !st.alerted || st.alertDelayMin! > 120;
    const idx = stream.map((_, i) => i).filter((i) => s.posts[i]!.watch === inc.watch);
    const in2h = idx.filter((i) => s.posts[i]!.at >= inc.onset && s.posts[i]!.at < inc.onset + 2 * HOUR);
    const storm = in2h.filter((i) => s.posts[i]!.incident === inc.id).map((i) => stream[i]!);
    const bg = in2h.filter((i) => s.posts[i]!.incident === undefined).map((i) => stream[i]!);
    // The same 2 h of the 7 days before (ordinary days of this brand).
    const before = idx.filter((i) => {
      const t = s.posts[i]!.at;
      if (s.posts[i]!.incident !== undefined) return false;
      for (let d = 1; d <= 7; d++) if (t >= inc.onset - d * DAY && t < inc.onset - d * DAY + 2 * HOUR) return true;
      return false;
    }).map((i) => stream[i]!);
    const all = slice([...storm, ...bg]);
    const ref = slice(before, all.topCat[0]);
    const st2 = slice(storm);
    const dayBefore = idx.filter((i) => s.posts[i]!.at >= inc.onset - 7 * DAY && s.posts[i]!.at < inc.onset && s.posts[i]!.incident === undefined).length / 7;
    const comps7 = before.filter((m) => isComplaint(m, cfg)).length / 7;
    console.log(
      `${late ? 'LATE' : 'ok  '} ${s.name}/${inc.id} (${inc.kind}) brand ~${Math.round(dayBefore)} posts/day; ${st.alerted ? `alerted ${Math.round(st.alertDelayMin!)} min` : 'missed'}${st.found ? `, signalled ${Math.round(st.delayMin!)} min by ${st.by}` : ''}\n` +
      `     first 2 h: storm ${storm.length} posts (${st2.complaints} complaints, neg ${pct(st2.neg, storm.length)}, authors ${st2.authors}, sim ${st2.sim.toFixed(3)}) + background ${bg.length} | complaints ${all.complaints} vs ${comps7.toFixed(1)} usual (same 2 h, 7 days) ` +
      `| complaint share ${pct(all.complaints, all.posts)} vs ${pct(ref.complaints, ref.posts)} | neg share ${pct(all.neg, all.posts)} vs ${pct(ref.neg, ref.posts)} | top cat ${all.topCat[0]} ${pct(all.topCat[1], all.complaints)} vs ${pct(ref.topCat[1], ref.complaints)} | sim ${all.sim.toFixed(3)} vs ${ref.sim.toFixed(3)}`,
    );
  }
}

for (const make of [() => zhDelivery(202, 'held-out'), () => zhDelivery(303, 'held-out'), () => zhShopping(404, 'held-out'), () => enSocial(505, 'held-out'), () => cfpbCompanies(606)]) run(make());
