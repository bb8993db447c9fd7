/**
 * How far the sentiment update can go on one domain with many more corrections than the learning
 * curve uses: hotel reviews, 500 and 2,500 corrections (the domain's first rows in the learning
 * curve's seeded order, every one trained on), tested on the rows after the first 2,500 (never a
 * correction). No gate: the candidate is scored. `npx tsx scripts/analysis/learning-ceiling.ts`
 */
import * as os from 'node:os';
import { shippedSentimentModels } from '../../libs/analysis/src/models';
import { fnv1a } from '../../libs/analysis/src/features';
import { accuracy, updateModels, type LabelledText } from '../../libs/analysis/src/training/update-models';
import { binaryRows, isHeldOut, loadShopping, loadWaimai, zhDomains } from './data';
import { pct } from './metrics';

const toLabel = (y: number): LabelledText['label'] => (y ? 'positive' : 'negative');
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`## Learning ceiling on hotel reviews (load ${load()})`);
const base = shippedSentimentModels();
const replay = [loadWaimai(), loadShopping()].flatMap((d) => d.rows).filter((r, i) => !isHeldOut(r.text) && i % 10 === 0).map((r) => ({ text: r.text, label: toLabel(r.label) }));
const hotel = zhDomains().find((d) => d.name.startsWith('hotel'))!;
const all = binaryRows(hotel).map((r) => ({ text: r.text, label: toLabel(r.label) })).sort((a, b) => fnv1a('corr:' + a.text) - fnv1a('corr:' + b.text));
const test = all.slice(2500);
console.log(`0 corrections: ${pct(accuracy(base, test))} (test n=${test.length})`);
for (const n of [500, 2500]) {
  const r = updateModels(base, { zh: all.slice(0, n), en: [] }, { zh: [], en: [] }, { replay: { zh: replay, en: [] } });
  console.log(`${n} corrections: ${pct(accuracy(r.candidate, test))}`);
}
console.log(`load at the end: ${load()}`);
