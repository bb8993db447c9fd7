/**
 * A deployment's update of its category and emotion answers from its analysts' corrections
 * (issue #18), pure. Both stay rules (keywords, examples, intensity patterns); what is learnt is a
 * sparse nudge per component over the posts' n-grams (learned-labels.ts), fitted so that each
 * corrected post lands in the analyst's answer while rows the analysts never corrected (the
 * replayed reference rows) keep the rules' answer. Checked like the sentiment update: it is
 * kept only if not worse, beyond noise (McNemar), than the answers in force on the held-out set
 * nor on a fifth of the corrections kept aside.
 */
import type { Emotion } from '@vigil/contracts';

type EmotionLevel = Emotion['level'];
import { createAnalyzer, type Analyzer, type LabelParts } from '../analyzer';
import { CATEGORY_EVIDENCE_MIN, type LabelModels, type SparseWeights } from '../learned-labels';
import type { SentimentModels } from '../models';
import { drain, mulberry32 } from './logistic';
import { isCheckRow, significantlyWorse } from './update-models';

/** The latest corrected emotion and/or categories of one post. */
export interface LabelCorrection { text: string; emotion?: EmotionLevel; categories?: readonly string[] }
/** Held-out emotion: whether a post is angry (a level above calm), from labelled data. */
export interface AngerRow { text: string; angry: boolean }

export type LabelComponent = 'emotion' | 'categories';
export type ReasonCode = 'no-held-out' | 'too-few-kept-aside' | 'worse-held-out' | 'worse-kept-aside' | 'not-worse';

/** One component's check before it is put in force: the same shape for sentiment (per language) and the label nudges. */
export interface UpdateCheck {
  corrections: number;
  /** Corrections kept aside to check the update on this deployment's own posts. */
  checked: number;
  heldOut: { n: number; before: number; after: number };
  check: { n: number; before: number; after: number };
  accepted: boolean;
  /** Why, as a code the dashboard words in each language (`reason`: the same in English). */
  reasonCode: ReasonCode;
  reason: string;
}

export interface LabelReport extends UpdateCheck {
  component: LabelComponent;
}

export interface LabelUpdateOptions {
  /** Rows nobody corrected (a sample of the reference data): the update keeps the rules' answer on them. */
  replay?: readonly string[];
  /** Held-out anger (TweetEval emotion, and the reference sets' positive reviews as not angry). */
  heldOutAnger?: readonly AngerRow[];
  epochs?: number;
  /** Weight of a correction against a replayed row. */
  weight?: number;
}

/** `labels`: what replaces the ones in force (refused components unchanged); `candidate`: every component updated, for reports. */
export interface LabelUpdateResult { labels: LabelModels; candidate: LabelModels; reports: LabelReport[] }

/** Below this many corrections kept aside a category update has nothing to be checked on. */
export const MIN_KEPT_ASIDE = 5;
const REASONS: Record<ReasonCode, string> = {
  'no-held-out': 'no held-out set to check it against',
  'too-few-kept-aside': `fewer than ${MIN_KEPT_ASIDE} corrections kept aside to check it against`,
  'worse-held-out': 'worse on the held-out set',
  'worse-kept-aside': 'worse on the corrections kept aside',
  'not-worse': 'not worse on the held-out set nor on the corrections kept aside',
};

/** Intensity = 1 − e^−x: calm below 0.3 (x < 0.357), angry from 0.6 (x ≥ 0.916). */
const CALM_MAX = -Math.log(1 - 0.3);
const ANGRY_MIN = -Math.log(1 - 0.6);
const levelOf = (x: number): EmotionLevel => (x >= ANGRY_MIN ? 'angry' : x >= CALM_MAX ? 'agitated' : 'calm');
/** Where the score of a level must land; `m` keeps corrected posts off the edges. */
function emotionBand(level: EmotionLevel, m: number): [number, number] {
  if (level === 'calm') return [-Infinity, CALM_MAX - m];
  if (level === 'angry') return [ANGRY_MIN + m, Infinity];
  return [CALM_MAX + m, ANGRY_MIN - m];
}
const categoryBand = (present: boolean, m: number): [number, number] =>
  (present ? [CATEGORY_EVIDENCE_MIN + m, Infinity] : [-Infinity, CATEGORY_EVIDENCE_MIN - m]);

interface Target { feats: readonly number[]; base: number; lo: number; hi: number; w: number }

const STEP = 64;

/**
 * Squared hinge on the band [lo, hi] of each example's score (base + nudge), SGD with a small L2
 * on the weights a step touches. Deterministic: the order is shuffled with a fixed seed.
 */
function* fitNudge(ex: readonly Target[], epochs: number, common: ReadonlySet<number>): Generator<void, SparseWeights> {
  const w = new Map<number, number>();
  const lr = 0.5;
  const l2 = 1e-3;
  const rnd = mulberry32(7);
  const order = ex.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let k = 0; k < order.length; k++) {
      if (k % STEP === STEP - 1) yield;
      const t = ex[order[k]!]!;
      if (t.feats.length === 0) continue;
      const norm = 1 / Math.sqrt(t.feats.length);
      let z = t.base;
      for (const f of t.feats) z += (w.get(f) ?? 0) * norm;
      const g = z < t.lo ? z - t.lo : z > t.hi ? z - t.hi : 0;
      if (g === 0) continue;
      // A step moves the score by about lr·w·g (the features are L2-normalised): never past the band.
      const step = Math.min(0.9, lr * t.w);
      for (const f of t.feats) {
        if (common.has(f)) continue;
        const v = w.get(f) ?? 0;
        w.set(f, v - step * (g * norm + l2 * v));
      }
    }
  }
  for (const [f, v] of w) if (Math.abs(v) < 1e-4) w.delete(f);
  return w;
}

const share = (xs: readonly boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : NaN);
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a.filter((id) => id !== 'other'));
  const y = new Set(b.filter((id) => id !== 'other'));
  return x.size === y.size && [...x].every((id) => y.has(id));
};

function* answers<T>(analyzer: Analyzer, texts: readonly string[], pick: (a: ReturnType<Analyzer['analyze']>['analysis']) => T): Generator<void, T[]> {
  const out: T[] = [];
  for (const t of texts) {
    if (out.length % STEP === STEP - 1) yield;
    out.push(pick(analyzer.analyze({ text: t }).analysis));
  }
  return out;
}

function* parts(analyzer: Analyzer, texts: readonly string[]): Generator<void, LabelParts[]> {
  const out: LabelParts[] = [];
  for (const t of texts) {
    if (out.length % STEP === STEP - 1) yield;
    out.push(analyzer.labelParts({ text: t }));
  }
  return out;
}

/**
 * Features found in more than COMMON_SHARE of the rows nobody corrected (single characters,
 * particles, digits) carry no nudge: what corrections teach must be specific to them, or it
 * moves every post.
 */
const COMMON_SHARE = 0.02;
function commonFeatures(rows: readonly LabelParts[]): Set<number> {
  const df = new Map<number, number>();
  for (const r of rows) for (const f of new Set(r.feats)) df.set(f, (df.get(f) ?? 0) + 1);
  const min = Math.max(2, COMMON_SHARE * rows.length);
  return new Set([...df].filter(([, n]) => n >= min).map(([f]) => f));
}

function decide(heldN: number, checkN: number, heldWorse: boolean, checkWorse: boolean, needCheck: number): ReasonCode {
  if (heldN === 0) return 'no-held-out';
  if (checkN < needCheck) return 'too-few-kept-aside';
  if (heldWorse) return 'worse-held-out';
  if (checkWorse) return 'worse-kept-aside';
  return 'not-worse';
}

export function updateLabels(base: SentimentModels, corrections: readonly LabelCorrection[], options: LabelUpdateOptions & { current?: SentimentModels } = {}): LabelUpdateResult {
  return drain(updateLabelsSteps(base, corrections, options));
}

/**
 * `base`: the models the nudges are fitted over (the shipped ones, or the sentiment update of
 * this same run: the emotion score reads the sentiment); `current`: the models in force, the
 * answers the update is compared with.
 */
export function* updateLabelsSteps(
  base: SentimentModels,
  corrections: readonly LabelCorrection[],
  options: LabelUpdateOptions & { current?: SentimentModels } = {},
): Generator<void, LabelUpdateResult> {
  const epochs = options.epochs ?? 8;
  const weight = options.weight ?? 3;
  const replay = options.replay ?? [];
  const plain = createAnalyzer({ sentimentModels: { ...base, labels: undefined } });
  const current = createAnalyzer({ sentimentModels: options.current ?? base });
  const labels: LabelModels = { ...(options.current?.labels ?? {}) };
  const candidate: LabelModels = { ...labels };
  const reports: LabelReport[] = [];
  const replayParts = replay.length ? yield* parts(plain, replay) : [];
  const common = commonFeatures(replayParts);

  // Emotion: the corrected level's band; replayed rows stay in the band the rules gave them.
  const emo = corrections.filter((c) => c.emotion);
  if (emo.length) {
    const train = emo.filter((c) => !isCheckRow(c.text));
    const check = emo.filter((c) => isCheckRow(c.text));
    const trainParts = yield* parts(plain, train.map((c) => c.text));
    const ex: Target[] = [
      ...trainParts.map((p, i) => { const [lo, hi] = emotionBand(train[i]!.emotion!, 0.15); return { feats: p.feats, base: p.emotionScore, lo, hi, w: weight }; }),
      ...replayParts.map((p) => { const [lo, hi] = emotionBand(levelOf(p.emotionScore), 0.02); return { feats: p.feats, base: p.emotionScore, lo, hi, w: 1 }; }),
    ];
    const nudge = yield* fitNudge(ex, epochs, common);
    const after = createAnalyzer({ sentimentModels: { ...(options.current ?? base), labels: { ...labels, emotion: nudge } } });
    const held = options.heldOutAnger ?? [];
    const heldTexts = held.map((r) => r.text);
    const flagged = (a: { emotion: { level: EmotionLevel } }) => a.emotion.level !== 'calm';
    const hb = (yield* answers(current, heldTexts, flagged)).map((f, i) => f === held[i]!.angry);
    const ha = (yield* answers(after, heldTexts, flagged)).map((f, i) => f === held[i]!.angry);
    const level = (a: { emotion: { level: EmotionLevel } }) => a.emotion.level;
    const cb = (yield* answers(current, check.map((c) => c.text), level)).map((l, i) => l === check[i]!.emotion);
    const ca = (yield* answers(after, check.map((c) => c.text), level)).map((l, i) => l === check[i]!.emotion);
    const code = decide(held.length, check.length, significantlyWorse(hb, ha), significantlyWorse(cb, ca), 0);
    candidate.emotion = nudge;
    if (code === 'not-worse') labels.emotion = nudge;
    reports.push({
      component: 'emotion', corrections: train.length, checked: check.length, accepted: code === 'not-worse', reasonCode: code, reason: REASONS[code],
      heldOut: { n: held.length, before: share(hb), after: share(ha) }, check: { n: check.length, before: share(cb), after: share(ca) },
    });
  }

  // Categories: per category id the analysts used (or the rules gave a corrected post), a nudge
  // that puts the corrected posts on the right side of the threshold and leaves replayed rows where the rules put them.
  const cat = corrections.filter((c) => c.categories);
  if (cat.length) {
    const train = cat.filter((c) => !isCheckRow(c.text));
    const check = cat.filter((c) => isCheckRow(c.text));
    const trainParts = yield* parts(plain, train.map((c) => c.text));
    const ids = new Set<string>();
    train.forEach((c, i) => {
      for (const id of c.categories!) ids.add(id);
      for (const [id, e] of trainParts[i]!.evidence) if (e >= CATEGORY_EVIDENCE_MIN) ids.add(id);
    });
    ids.delete('other');
    const nudges: Record<string, SparseWeights> = {};
    for (const id of [...ids].sort()) {
      const ex: Target[] = [
        ...trainParts.map((p, i) => { const [lo, hi] = categoryBand(train[i]!.categories!.includes(id), 0.2); return { feats: p.feats, base: p.evidence.get(id) ?? 0, lo, hi, w: weight }; }),
        ...replayParts.map((p) => { const e = p.evidence.get(id) ?? 0; const [lo, hi] = categoryBand(e >= CATEGORY_EVIDENCE_MIN, 0.02); return { feats: p.feats, base: e, lo, hi, w: 1 }; }),
      ];
      const w = yield* fitNudge(ex, epochs, common);
      if (w.size) nudges[id] = w;
    }
    const after = createAnalyzer({ sentimentModels: { ...(options.current ?? base), labels: { ...labels, categories: nudges } } });
    const ids0 = (a: { categories: { id: string }[] }) => a.categories.map((c) => c.id);
    const cb = (yield* answers(current, check.map((c) => c.text), ids0)).map((x, i) => sameSet(x, check[i]!.categories!));
    const ca = (yield* answers(after, check.map((c) => c.text), ids0)).map((x, i) => sameSet(x, check[i]!.categories!));
    // No labelled category data exists beside the deployment's own: the corrections kept aside are the held-out set.
    const code = decide(check.length, check.length, false, significantlyWorse(cb, ca), MIN_KEPT_ASIDE);
    candidate.categories = nudges;
    if (code === 'not-worse') labels.categories = nudges;
    reports.push({
      component: 'categories', corrections: train.length, checked: check.length, accepted: code === 'not-worse', reasonCode: code, reason: REASONS[code],
      heldOut: { n: check.length, before: share(cb), after: share(ca) }, check: { n: check.length, before: share(cb), after: share(ca) },
    });
  }
  return { labels, candidate, reports };
}
