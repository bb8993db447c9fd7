/**
 * A deployment's model update from its analysts' corrections (issue #18), pure: the polarity
 * model of each language (and the English neutral model) continues from the current weights on
 * the corrected posts (beside replayed training rows), held near them by an anchored L2, and is
 * kept only if it is not worse on the held-out sets nor on the corrections it did not train on,
 * worse meaning beyond noise (McNemar's test). Since 2026-12-07 the domain layer
 * (domain-layer.ts: a model of the corrections alone added to the shipped answer) is fitted and
 * checked beside it, and the form that answers the corrections best out of fold is kept.
 * Nothing here reads files.
 */
import type { SentimentUpdateForm } from '@vigil/contracts';
import { createAnalyzer } from '../analyzer';
import { fnv1a, HASH_BITS, type LinearModel } from '../features';
import type { SentimentModels } from '../models';
import { fitDomainLayer } from './domain-layer';
import { drain, trainLogisticSteps, type SparseExample } from './logistic';
import { modelFeatures } from './prepare';
import type { ReasonCode, UpdateCheck } from './update-labels';

export interface LabelledText { text: string; label: 'negative' | 'neutral' | 'positive' }
type Lang = 'zh' | 'en';

export interface UpdateOptions {
  epochs?: number;
  /** Pull towards the current weights; larger keeps the update closer to the current model. */
  anchor?: number;
  /** Weight of one correction in a step (replayed rows weigh 1). */
  weight?: number;
  /**
   * Rows of the data the current model learnt from, trained on again beside the corrections so
   * the update does not forget them (where the deployment has them: `vigil train --data`).
   */
  replay?: Partial<Record<Lang, readonly LabelledText[]>>;
  /**
   * The models the update would replace, when they are not `base` (the job retrains from the
   * shipped models on every correction so far, and compares with the update in force).
   */
  current?: SentimentModels;
  /**
   * true (default): every correction trains the update, and each is checked by a model trained on
   * the other four fifths (cross-checking: the update checked on all of them, out of fold); false:
   * a fifth is kept aside, never trained on, and checks the update.
   */
  crossCheck?: boolean;
  /** 'layer' (default): the domain layer (with and without its neutral part) and the fine-tuning, the best of those not worse kept; 'finetune': fine-tuning only (before 2026-12-07). */
  form?: 'layer' | 'finetune';
}

/**
 * layer: the domain layer (training/domain-layer.ts); layer-polarity: the same without its neutral
 * part; finetune: the shipped model continued on the corrections (the contract's
 * `SentimentUpdateForm`: the api and the dashboard show them).
 */
export type UpdateForm = SentimentUpdateForm;

export interface LanguageReport extends UpdateCheck {
  language: Lang;
  /** The form of the update this report checked (the one kept, or the first refused). */
  form: UpdateForm;
  /** Every form fitted: whether it was not worse, its held-out and out-of-fold accuracy. */
  tried?: { form: UpdateForm; accepted: boolean; reasonCode: ReasonCode; heldOut: number; check: number }[];
}

/** `models`: what replaces the current ones (refused languages unchanged); `candidate`: every language updated, for reports. */
export interface UpdateResult { models: SentimentModels; candidate: SentimentModels; reports: LanguageReport[] }

/** Corrections fall into CHECK_FOLDS folds by hash. */
export const CHECK_FOLDS = 5;
const foldOf = (text: string) => fnv1a('check:' + text) % CHECK_FOLDS;
/** One fold of the corrections (a fifth, by hash), kept aside where an update is checked on them without cross-checking. */
export const isCheckRow = (text: string) => foldOf(text) === 0;

/** Rows analysed between two pauses. */
const STEP = 64;

function* correct(models: Partial<SentimentModels>, rows: readonly LabelledText[]): Generator<void, boolean[]> {
  const analyzer = createAnalyzer({ sentimentModels: models });
  const out: boolean[] = [];
  for (const r of rows) {
    if (out.length % STEP === STEP - 1) yield;
    out.push(analyzer.analyze({ text: r.text }).analysis.sentiment.label === r.label);
  }
  return out;
}

export function accuracy(models: Partial<SentimentModels>, rows: readonly LabelledText[]): number {
  if (rows.length === 0) return NaN;
  return drain(correct(models, rows)).filter(Boolean).length / rows.length;
}

/**
 * Worse beyond noise: McNemar's test on the rows the two models disagree on (one-sided, 5 %).
 * A model that loses 3 rows and wins 1 of 3,000 is not worse; one that loses 60 and wins 20 is.
 */
export function significantlyWorse(before: readonly boolean[], after: readonly boolean[]): boolean {
  let lost = 0;
  let won = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] && !after[i]) lost++;
    else if (!before[i] && after[i]) won++;
  }
  if (lost <= won) return false;
  const n = lost + won;
  if (n > 200) return (lost - won) / Math.sqrt(n) > 1.645;
  // Exact one-sided binomial tail P(X ≥ lost | n, ½), in log space.
  let logC = 0;
  let tail = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    if (k >= lost) tail += Math.exp(logC - n * Math.LN2);
  }
  return tail < 0.05;
}

function* finetune(base: LinearModel, rows: readonly LabelledText[], replay: readonly LabelledText[], lang: Lang, y: (l: LabelledText['label']) => number | undefined, o: Options): Generator<void, LinearModel> {
  const ex: SparseExample[] = [];
  const add = (r: LabelledText, w: number) => {
    const label = y(r.label);
    if (label !== undefined) ex.push({ ids: Int32Array.from(modelFeatures(lang, r.text, base.version ?? 1)), y: label, w });
    if (ex.length % STEP === 0) return true;
    return false;
  };
  for (const r of rows) if (add(r, o.weight)) yield;
  if (ex.length === 0) return base;
  for (const r of replay) if (add(r, 1)) yield;
  return yield* trainLogisticSteps(ex, { bits: HASH_BITS, epochs: o.epochs, l2: o.anchor, init: base, anchored: true, lr: 0.1 });
}

type Options = Required<Omit<UpdateOptions, 'current' | 'crossCheck'>>;

export function updateModels(
  base: SentimentModels,
  corrections: Record<Lang, readonly LabelledText[]>,
  heldOut: Record<Lang, readonly LabelledText[]>,
  options: UpdateOptions = {},
): UpdateResult {
  return drain(updateModelsSteps(base, corrections, heldOut, options));
}

/** updateModels in steps (it pauses every few milliseconds of work: see trainLogisticSteps). */
export function* updateModelsSteps(
  base: SentimentModels,
  corrections: Record<Lang, readonly LabelledText[]>,
  heldOut: Record<Lang, readonly LabelledText[]>,
  options: UpdateOptions = {},
): Generator<void, UpdateResult> {
  const o: Options = { epochs: options.epochs ?? 4, anchor: options.anchor ?? 1e-3, weight: options.weight ?? 3, replay: options.replay ?? {}, form: options.form ?? 'layer' };
  const current = options.current ?? base;
  const models: SentimentModels = { ...current };
  const all: SentimentModels = { ...current };
  const reports: LanguageReport[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const given = corrections[lang];
    if (given.length === 0) continue;
    const crossCheck = options.crossCheck ?? true;
    const train = crossCheck ? given : given.filter((r) => !isCheckRow(r.text));
    const check = crossCheck ? given : given.filter((r) => isCheckRow(r.text));
    const replay = o.replay[lang] ?? [];
    const finetuned = function* (rows: readonly LabelledText[]): Generator<void, SentimentModels> {
      // The shipped stack: the one in force may be a layer's, with the neutral rule it learnt.
      const m: SentimentModels = { ...models, [lang === 'zh' ? 'zhStack' : 'enStack']: base[lang === 'zh' ? 'zhStack' : 'enStack'] };
      m[lang] = yield* finetune(base[lang], rows, replay, lang, (l) => (l === 'positive' ? 1 : l === 'negative' ? 0 : undefined), o);
      if (lang === 'en' && base.enNeutral) m.enNeutral = yield* finetune(base.enNeutral, rows, replay, lang, (l) => (l === 'neutral' ? 1 : 0), o);
      return m;
    };
    // Every form is fitted and checked; of those not worse, the one that answers the most
    // corrections right out of fold is kept. The domain layer needs both
    // polarities among the corrections (else it is the fine-tuning).
    const forms: UpdateForm[] = o.form === 'finetune' ? ['finetune'] : ['layer', 'layer-polarity', 'finetune'];
    const tried: { report: LanguageReport; updated: Partial<SentimentModels> }[] = [];
    const heldBefore = yield* correct(models, heldOut[lang]);
    const checkBefore = yield* correct(models, check);
    for (const wanted of forms) {
      const fit = function* (rows: readonly LabelledText[]): Generator<void, { m: SentimentModels; form: UpdateForm }> {
        if (wanted === 'finetune') return { m: yield* finetuned(rows), form: wanted };
        const layer = yield* fitDomainLayer(base, lang, rows, { neutral: wanted === 'layer' });
        if (Object.keys(layer).length === 0) return { m: yield* finetuned(rows), form: 'finetune' };
        const m: SentimentModels = { ...models, [lang]: base[lang], [lang === 'zh' ? 'zhStack' : 'enStack']: base[lang === 'zh' ? 'zhStack' : 'enStack'] };
        if (lang === 'en') m.enNeutral = base.enNeutral;
        return { m: { ...m, ...layer }, form: wanted };
      };
      const { m: candidate, form } = yield* fit(train);
      const heldAfter = yield* correct(candidate, heldOut[lang]);
      let checkAfter: boolean[];
      if (!crossCheck) checkAfter = yield* correct(candidate, check);
      else {
        // Each correction judged by a model that never saw it: the update's procedure, checked on every correction.
        checkAfter = new Array<boolean>(check.length).fill(false);
        for (let k = 0; k < CHECK_FOLDS; k++) {
          const at = check.map((r, i) => (foldOf(r.text) === k ? i : -1)).filter((i) => i >= 0);
          if (at.length === 0) continue;
          const outOfFold = (yield* fit(check.filter((r) => foldOf(r.text) !== k))).m;
          const answers = yield* correct(outOfFold, at.map((i) => check[i]!));
          at.forEach((i, j) => { checkAfter[i] = answers[j]!; });
        }
      }
      const share = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);
      // Never worse (beyond noise) on the held-out sets, nor on this deployment's own posts kept aside.
      const heldOk = !significantlyWorse(heldBefore, heldAfter);
      const checkOk = !significantlyWorse(checkBefore, checkAfter);
      const accepted = heldOut[lang].length > 0 && heldOk && checkOk;
      const reasonCode: ReasonCode = heldOut[lang].length === 0 ? 'no-held-out' : !heldOk ? 'worse-held-out' : !checkOk ? 'worse-kept-aside' : 'not-worse';
      const onCorrections = crossCheck ? 'the corrections (each checked out of fold)' : 'the corrections kept aside';
      const reason = { 'no-held-out': 'no held-out set to check it against', 'worse-held-out': 'worse on the held-out sets', 'worse-kept-aside': `worse on ${onCorrections}`,
        'not-worse': `not worse on the held-out sets nor on ${onCorrections}`, 'too-few-kept-aside': '' }[reasonCode];
      const updated: Partial<SentimentModels> = lang === 'en' ? { en: candidate.en, enNeutral: candidate.enNeutral, enStack: candidate.enStack } : { zh: candidate.zh, zhStack: candidate.zhStack };
      tried.push({ updated, report: {
        language: lang, form, corrections: train.length, checked: check.length, accepted, reasonCode, reason,
        heldOut: { n: heldOut[lang].length, before: share(heldBefore), after: share(heldAfter) },
        check: { n: check.length, before: share(checkBefore), after: share(checkAfter) },
      } });
      if (form === 'finetune' || reasonCode === 'no-held-out') break;
    }
    // A tie keeps the fine-tuning (the update as it was, nearest the shipped model), then the earlier form.
    const preference = (t: typeof tried[number]) => (t.report.form === 'finetune' ? -1 : forms.indexOf(t.report.form));
    const kept = tried.filter((t) => t.report.accepted).sort((x, y) => preference(x) - preference(y))
      .reduce<typeof tried[number] | undefined>((best, t) => (!best || t.report.check.after > best.report.check.after ? t : best), undefined);
    const chosen = kept ?? tried[0]!;
    Object.assign(all, chosen.updated);
    if (kept) Object.assign(models, kept.updated);
    reports.push({ ...chosen.report, ...(tried.length > 1 ? { tried: tried.map((t) => ({ form: t.report.form, accepted: t.report.accepted, reasonCode: t.report.reasonCode, heldOut: t.report.heldOut.after, check: t.report.check.after })) } : {}) });
  }
  return { models, candidate: all, reports };
}
