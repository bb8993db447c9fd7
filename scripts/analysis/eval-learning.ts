/**
 * Learning from the team, measured: accuracy on a domain no model trained on (hotel reviews,
 * airline tweets) after 0, 100 and 500 corrections from that domain, as `vigil train` would fold
 * them in (updateModels: continue from the shipped weights, checked against the held-out sets).
 * The corrections are the domain's first rows in a seeded order; the test rows are the rest
 * (never a correction). Every correction trains the update; each is checked out of fold.
 */
import * as os from 'node:os';
import { shippedSentimentModels } from '../../libs/analysis/src/models';
import { fnv1a } from '../../libs/analysis/src/features';
import { accuracy, updateModels, type LabelledText, type UpdateOptions } from '../../libs/analysis/src/training/update-models';
import type { SentimentModels } from '../../libs/analysis/src/models';
import { binaryRows, enDomains, isHeldOut, loadShopping, loadTweetSentiment, loadUci, loadWaimai, zhDomains, type Domain } from './data';
import { CHOSEN_RECIPE, RECIPES, trainRecipe, trainStack } from './recipes';

const BOOKS = 'shopping:书籍';
import { pct, table } from './metrics';

const NAMES = { 2: ['negative', 'positive'], 3: ['negative', 'neutral', 'positive'] } as const;
const toLabel = (classes: 2 | 3, y: number): LabelledText['label'] => NAMES[classes][y]!;

export function printLearningCurve(steps = [0, 100, 500]): void {
  const base = shippedSentimentModels();
  // The gate's held-out sets: every fourth held-out row of the shipped models' own data (speed).
  const held = {
    zh: [loadWaimai(), loadShopping()].flatMap((d) => d.rows).filter((r, i) => isHeldOut(r.text) && i % 4 === 0).map((r) => ({ text: r.text, label: toLabel(2, r.label) })),
    en: [...['amazon_cells', 'yelp', 'imdb'].map((w) => loadUci(w as 'yelp')), loadTweetSentiment()].flatMap((d) => d.rows.map((r) => ({ text: r.text, label: toLabel(d.classes, r.label) }))).filter((r) => isHeldOut(r.text)),
  };
  // Replayed beside the corrections: a sample of the training rows (never held-out ones).
  const replay = {
    zh: [loadWaimai(), loadShopping()].flatMap((d) => d.rows).filter((r, i) => !isHeldOut(r.text) && i % 10 === 0).map((r) => ({ text: r.text, label: toLabel(2, r.label) })),
    en: [...['amazon_cells', 'yelp', 'imdb'].map((w) => loadUci(w as 'yelp')), loadTweetSentiment()].flatMap((d) => d.rows.map((r) => ({ text: r.text, label: toLabel(d.classes, r.label) }))).filter((r, i) => !isHeldOut(r.text) && i % 2 === 0),
  };
  const zh = zhDomains();
  const en = enDomains();
  // Beside the two test-only domains, one left-out domain per language so the update is not tuned
  // to them: drug reviews (binary rows; no shipped English model trains on them) and the books
  // category (the leave-one-domain-out fold's models, trained without it, are the base).
  const booksFold = (): SentimentModels => {
    const fold: SentimentModels = { ...base, zh: trainRecipe(RECIPES[CHOSEN_RECIPE]!, 'zh', zh, BOOKS) };
    return { ...fold, zhStack: trainStack('zh', fold, zh, RECIPES[CHOSEN_RECIPE]!, BOOKS) };
  };
  const cases: { lang: 'zh' | 'en'; domain: Domain; classes: 2 | 3; base: () => SentimentModels }[] = [
    { lang: 'zh', domain: zh.find((d) => d.name.startsWith('hotel'))!, classes: 2, base: () => base },
    { lang: 'en', domain: en.find((d) => d.name.startsWith('airline'))!, classes: 3, base: () => base },
    { lang: 'zh', domain: zh.find((d) => d.name === BOOKS)!, classes: 2, base: booksFold },
    { lang: 'en', domain: en.find((d) => d.name.startsWith('drug'))!, classes: 2, base: () => base },
  ];
  // LEARNING_DOMAINS=hotel,drug: only those; LEARNING_FORM=finetune: the update before the domain layer.
  const only = process.env.LEARNING_DOMAINS?.split(',');
  const form = process.env.LEARNING_FORM === 'finetune' ? 'finetune' as const : 'layer' as const;
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`\n## Learning from corrections: accuracy on a left-out domain after N corrections from it (vigil train's update, gated by the held-out sets; load ${load()})`);
  const rows: string[][] = [];
  // LEARNING_DRAWS=k: k orders of the domain (the first is the seeded one above), each its own
  // corrections and test rows, reported as the mean and the range. (A variant is one more entry
  // of `variants` with its UpdateOptions, measured on the same draws: branch learning-5-x.)
  const draws = Math.max(1, Number(process.env.LEARNING_DRAWS ?? 1));
  const variants: { name: string; options?: UpdateOptions }[] = [{ name: '' }];
  for (const c of cases) {
    if (only && !only.some((o) => c.domain.name.startsWith(o))) continue;
    const from = c.base();
    const rowsOf = (c.classes === 2 ? binaryRows(c.domain) : c.domain.rows).map((r) => ({ text: r.text, label: toLabel(c.classes, r.label) }));
    const max = Math.max(...steps);
    const acc: Record<string, number[]> = {};
    for (let d = 0; d < draws; d++) {
      const salt = d === 0 ? 'corr:' : `corr${d}:`;
      const all = [...rowsOf].sort((a, b) => fnv1a(salt + a.text) - fnv1a(salt + b.text));
      const test = all.slice(max);
      for (const v of variants) {
        for (const n of steps) {
          if (n === 0 && v !== variants[0]) continue;
          const corrections = { zh: [] as LabelledText[], en: [] as LabelledText[] };
          corrections[c.lang] = all.slice(0, n);
          const r = updateModels(from, corrections, { zh: c.lang === 'zh' ? held.zh : [], en: c.lang === 'en' ? held.en : [] }, { replay, form, ...v.options });
          const rep = r.reports[0];
          const keptAcc = accuracy(n === 0 ? from : r.models, test);
          const candidateAcc = rep && !rep.accepted ? accuracy(r.candidate!, test) : keptAcc;
          (acc[`${v.name}|${n}`] ??= []).push(keptAcc);
          rows.push([`${c.domain.name} (${c.classes}-class, test n=${test.length})${draws > 1 ? ` draw ${d}` : ''}`, `${n}${n && v.name ? ` ${v.name}` : ''}`, pct(keptAcc), rep && !rep.accepted ? pct(candidateAcc) : '',
            rep ? `${pct(rep.heldOut.before)} → ${pct(rep.heldOut.after)}` : '', rep ? `${rep.form}: ${rep.accepted ? 'kept' : `refused: ${rep.reason}`}` : '',
            rep?.tried ? rep.tried.map((t) => `${t.form} ${pct(t.check)}${t.accepted ? '' : ' (refused)'}`).join(', ') : '']);
        }
      }
    }
    if (draws > 1) {
      for (const [k, xs] of Object.entries(acc)) {
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        rows.push([`${c.domain.name}: mean of ${draws} draws`, k.split('|').reverse().join(' ').trim(), pct(mean), '', '', `range ${pct(Math.min(...xs))}–${pct(Math.max(...xs))}`, '']);
      }
    }
  }
  console.log(table(['left-out domain', 'corrections', 'accuracy', '(refused update)', 'held-out before → after', 'update', 'forms tried: out-of-fold accuracy on the corrections'], rows));
  console.log(`load at the end: ${load()}`);
}

if (require.main === module) printLearningCurve();
