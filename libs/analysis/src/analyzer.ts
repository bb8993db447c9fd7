import { MIN_CUE_CONFIDENCE, type Analysis, type Language, type RiskCue } from '@vigil/contracts';
import { compileTaxonomy, DEFAULT_TAXONOMY, detectCategories, type CategoryDef, type Taxonomy } from './categories';
import { emojiScore, extractEmojis } from './emoji';
import { detectEmotion } from './emotion';
import { LabelFeatureReader } from './label-features';
import { compileLabels, type CompiledLabels } from './learned-labels';
import {
  compileProducts, DEFAULT_ORDER_PATTERNS, findAppVersion, findDevice, findMoney, findOrderIds, findPlaces, findProducts,
  type MoneySpan, type Place, type ProductDef,
} from './entities';
import { enPositiveProb, enProbs, shippedSentimentModels, zhPositiveProb, type SentimentModels, type SentimentModelSource } from './models';
import { maskPii, PII_KINDS, type PiiKind } from './pii';
import { detectRiskCues } from './risk-cues';
import { scoreRisk } from './risk-score';
import { combineSentiment } from './sentiment';
import { ruleSentiment, type RuleSentiment } from './sentiment-rules';
import { createSegmenter } from './segmenter';
import { countLettersAndDigits, MAX_ANALYSED_CHARS, truncate } from './text';
import { isSegmented, normalizePost, type TextView } from './text-view';
import { splitWindows, type TextWindow } from './windows';

export interface AnalyzerConfig {
  /** Brand/product terms that jieba must keep whole. */
  userDictionary?: string[];
  /** Product catalogue for entities.products; names and aliases are also added to the segmenter. */
  products?: ProductDef[];
  /** Replaces the default complaint taxonomy. */
  taxonomy?: CategoryDef[];
  /** Replaces the default order-number patterns; group 1 (or the whole match) is the id. */
  orderPatterns?: (RegExp | string)[];
  /** Masking per kind; all on by default. A kind switched off is neither masked nor reported. */
  pii?: Partial<Record<PiiKind, boolean>>;
  /** Longer texts are cut here and flagged truncated; everything below is read whole, window by window. */
  maxChars?: number;
  /** Cap on `tokens`. */
  tokenCap?: number;
  /** Sentiment models replacing the shipped ones (a deployment's own update, or an evaluation fold's). */
  sentimentModels?: Partial<SentimentModels>;
  /** Models that change while the analyzer runs (over `sentimentModels`): followed between posts. */
  modelSource?: SentimentModelSource;
}

export interface AnalyzeInput {
  text: string;
  title?: string;
  /** Star rating 1..5 when the source has one. */
  rating?: number;
  /** Source language hint (e.g. from the feed), used only for Latin-script text. */
  langHint?: string;
}

/** Risks a contented post rarely carries: in a positive post their cues count for less. */
const DAMPED_IN_PRAISE = new Set<RiskCue['kind']>(['safety', 'data_leak', 'media', 'legal', 'regulator', 'vulnerable_person', 'medical_or_exam']);

function dampCues(cues: RiskCue[], inPraise: (c: RiskCue) => boolean): void {
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (!DAMPED_IN_PRAISE.has(c.kind) || !inPraise(c)) continue;
    const damped = Math.round((c.confidence ?? 1) * 75) / 100;
    if (damped < MIN_CUE_CONFIDENCE) cues.splice(i, 1);
    else c.confidence = damped;
  }
}

const probs = (modelProb: number | undefined, neutralProb: number | undefined) => ({
  ...(modelProb !== undefined ? { modelProb } : {}),
  ...(neutralProb !== undefined ? { neutralProb } : {}),
});

export interface AnalyzeResult {
  analysis: Analysis;
  /** The analysed (possibly truncated) text with personal data masked; cue offsets point here. */
  maskedText: string;
  maskedTitle?: string;
  /** The text as analysed (and its Chinese segmentation), for matching watch rules. */
  view: TextView;
}

export interface AnalyzeOptions {
  /**
   * Called once the post is normalised and segmented, before categories: the processor matches
   * the post's watches here and returns their taxonomy (undefined keeps the analyzer's own).
   */
  taxonomyFor?: (view: TextView) => Taxonomy | undefined;
}

/** What the sentiment of a post was combined from (to fit the combination: `vigil train`, the eval). */
export interface SentimentParts { language: Language; rules: RuleSentiment; modelProb?: number; neutralProb?: number; contentLength: number }

/**
 * What the emotion and the categories of a post were decided from before any learnt nudge: the
 * features the nudges read, the rules' emotion score and each category's rule evidence (to learn
 * the nudges: a model update).
 */
export interface LabelParts { language: Language; feats: number[]; emotionScore: number; evidence: ReadonlyMap<string, number> }

export interface Analyzer {
  analyze(input: AnalyzeInput, options?: AnalyzeOptions): AnalyzeResult;
  sentimentParts(input: AnalyzeInput): SentimentParts;
  labelParts(input: AnalyzeInput, options?: AnalyzeOptions): LabelParts;
  /** A taxonomy compiled with this analyzer's segmenter (its examples' words need it). */
  compileTaxonomy(defs: readonly CategoryDef[]): Taxonomy;
}

const EN_WORDS_PUNCT = /[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?]+/g;

export function createAnalyzer(config: AnalyzerConfig = {}): Analyzer {
  const productDefs = config.products ?? [];
  const userTerms = [...(config.userDictionary ?? []), ...productDefs.flatMap((p) => [p.name, ...(p.aliases ?? [])])];
  const seg = createSegmenter(userTerms);
  const tokenize = (t: string) => seg.contentTokens(/\p{Script=Han}/u.test(t) ? seg.cutZh(t) : seg.wordsEn(t), 256);
  const taxonomy = compileTaxonomy(config.taxonomy ?? DEFAULT_TAXONOMY, tokenize);
  const products = compileProducts(productDefs);
  const orderPatterns = (config.orderPatterns ?? DEFAULT_ORDER_PATTERNS).map((p) =>
    typeof p === 'string' ? new RegExp(p, 'gi') : p.global ? p : new RegExp(p.source, p.flags + 'g'));
  const piiEnabled = new Set(PII_KINDS.filter((k) => config.pii?.[k] !== false));
  const maxChars = config.maxChars ?? MAX_ANALYSED_CHARS;
  const tokenCap = config.tokenCap ?? 64;
  let models: SentimentModels = { ...shippedSentimentModels(), ...config.sentimentModels };
  const source = config.modelSource;
  let seen = source ? -1 : 0;

  const labelFeatures = new LabelFeatureReader();
  // The label nudges of `models`, compiled once per models object.
  let compiledFor: SentimentModels | undefined;
  let compiled: CompiledLabels | undefined;
  const compiledLabels = (): CompiledLabels | undefined => {
    if (compiledFor !== models) {
      compiledFor = models;
      compiled = models.labels && (models.labels.emotion || models.labels.categories) ? compileLabels(models.labels) : undefined;
    }
    return compiled;
  };

  // Set only while sentimentParts() runs: analyze() then keeps what it combined.
  let capture: { parts?: SentimentParts } | undefined;
  let captureLabels: { parts?: LabelParts } | undefined;
  return {
    labelParts(input, options) {
      captureLabels = {};
      try {
        this.analyze(input, options);
        return captureLabels.parts!;
      } finally {
        captureLabels = undefined;
      }
    },
    sentimentParts(input) {
      capture = {};
      try {
        this.analyze(input);
        return capture.parts!;
      } finally {
        capture = undefined;
      }
    },
    compileTaxonomy: (defs) => compileTaxonomy(defs, tokenize),
    analyze(input, options) {
      if (source && source.version !== seen) {
        seen = source.version;
        models = { ...shippedSentimentModels(), ...config.sentimentModels, ...source.models };
      }
      const body = truncate(typeof input.text === 'string' ? input.text : '', maxChars);
      const titleCut = input.title ? truncate(input.title, 500).text : undefined;

      const bodyOrders = findOrderIds(body.text, orderPatterns);
      const titleOrders = titleCut ? findOrderIds(titleCut, orderPatterns) : { ids: [], spans: [] };
      const bodyPii = maskPii(body.text, piiEnabled, bodyOrders.spans);
      const titlePii = titleCut !== undefined ? maskPii(titleCut, piiEnabled, titleOrders.spans) : undefined;
      const maskedText = bodyPii.masked;
      const maskedTitle = titlePii?.masked;

      const { lang, bodyNorm, titleNorm, text } = normalizePost(maskedText, maskedTitle, input.langHint);

      const emojis = extractEmojis(text);
      const { tokens, words, rules, modelProb, neutralProb, windows } = readWindows(lang.language, text, emojis);
      const contentLength = countLettersAndDigits(text);
      if (capture) capture.parts = { language: lang.language, rules, contentLength, ...probs(modelProb, neutralProb) };
      const stack = lang.language === 'zh' ? models.zhStack : lang.language === 'en' ? models.enStack : undefined;
      const sentiment = combineSentiment({ rules, modelProb, neutralProb, rating: input.rating, contentLength, ...(stack ? { stack } : {}) });
      const labels = compiledLabels();
      if (labels || captureLabels) labelFeatures.read(lang.language, text, words);
      const nudged = labels ? labelFeatures.nudges(labels) : undefined;
      const emotion = angriestWindow(text, windows, sentiment.score, nudged?.[0] ?? 0);
      const view: TextView = { text, language: lang.language, ...(isSegmented(lang.language) ? { words } : {}) };
      const evidence = captureLabels ? new Map<string, number>() : undefined;
      const nudgeOf = (id: string) => { const k = labels?.categories.get(id); return k === undefined ? 0 : nudged![k]!; };
      const learnt = labels?.categories.size || evidence ? { nudgeOf, ...(evidence ? { evidence } : {}) } : undefined;
      const categories = detectCategories(text, options?.taxonomyFor?.(view) ?? taxonomy, sentiment.label === 'negative', tokens, learnt);
      if (captureLabels) captureLabels.parts = { language: lang.language, feats: labelFeatures.ids(), emotionScore: emotion.score, evidence: evidence! };

      const money: MoneySpan[] = findMoney(bodyNorm);
      const titleMoney = titleNorm !== undefined ? findMoney(titleNorm) : [];
      const places: Place[] = findPlaces(text);
      const piiKinds = PII_KINDS.filter((k) => bodyPii.kinds.includes(k) || titlePii?.kinds.includes(k));
      const device = findDevice(text);
      const appVersion = findAppVersion(text);
      // Optional keys added in place rather than by conditional spreads (V8's slow copy path): same keys, same order.
      const entities: Analysis['entities'] = {
        orderIds: [...new Set([...titleOrders.ids, ...bodyOrders.ids])],
        money: [...titleMoney, ...money].map(({ amount, currency, text: t }) => ({ amount, currency, text: t })),
        places,
        products: findProducts(text, products),
        piiKinds,
      };
      if (appVersion) entities.appVersion = appVersion;
      if (device) entities.device = device;

      const riskCues: RiskCue[] = detectRiskCues(bodyNorm, maskedText, money, { language: lang.language });
      if (titleNorm !== undefined && maskedTitle !== undefined) {
        for (const c of detectRiskCues(titleNorm, maskedTitle, titleMoney, { language: lang.language })) {
          if (!riskCues.some((b) => b.kind === c.kind)) riskCues.push({ ...c, field: 'title' });
        }
      }
      if (sentiment.label === 'positive') dampCues(riskCues, (c) => localPraise(lang.language, c.field === 'title' ? titleNorm ?? '' : bodyNorm, c.start, c.end));
      const { riskScore, riskReasons } = scoreRisk({ cues: riskCues, sentiment, emotion, categories, piiKinds });

      const analysis = { language: lang.language } as Analysis;
      if (lang.script) analysis.script = lang.script;
      analysis.tokens = tokens;
      analysis.sentiment = sentiment;
      analysis.emotion = { level: emotion.level, intensity: emotion.intensity };
      analysis.categories = categories;
      analysis.entities = entities;
      analysis.riskCues = riskCues;
      analysis.riskScore = riskScore;
      analysis.riskReasons = riskReasons;
      analysis.emojis = emojis;
      analysis.truncated = body.truncated;
      return { analysis, maskedText, ...(maskedTitle !== undefined ? { maskedTitle } : {}), view };
    },
  };

  /**
   * Sentiment parts window by window (one window for all but long posts), merged by length:
   * rule scores and model probabilities averaged, hits summed; tokens collected up to the cap.
   */
  /**
   * Whether the sentence around a cue in a positive post reads positive too: then the cue is
   * praise's context ("给老人用的，挺好"), not the complaint a long post ends with.
   */
  function localPraise(language: Language, text: string, start: number, end: number): boolean {
    const from = Math.max(0, start - 80);
    const local = text.slice(from, Math.min(text.length, end + 20));
    const p = sentimentParts(language, local, 0);
    return (p.modelProb ?? 0.5) >= 0.5 && p.rules.score > 0;
  }

  /** `words`: every window's words in order (the windows are contiguous, so a Chinese cut still covers the text). */
  function readWindows(language: Language, text: string, emojis: string[]): { tokens: string[]; words: string[]; rules: RuleSentiment; modelProb?: number; neutralProb?: number; windows: TextWindow[] } {
    const windows = splitWindows(text);
    if (windows.length === 1) {
      const p = sentimentParts(language, text, emojiScore(emojis));
      return { tokens: seg.contentTokens(p.words, tokenCap), words: p.words, rules: p.rules, windows, ...probs(p.modelProb, p.neutralProb) };
    }
    let tokens: string[] = [];
    const words: string[] = [];
    let total = 0, score = 0, hits = 0, model = 0, neutral = 0;
    let hasModel = false, hasNeutral = false;
    const special = new Set<string>();
    for (const w of windows) {
      const sub = text.slice(w.start, w.end);
      const p = sentimentParts(language, sub, emojiScore(extractEmojis(sub)));
      const len = w.end - w.start;
      total += len;
      score += p.rules.score * len;
      hits += p.rules.hits;
      for (const x of p.rules.special) special.add(x);
      if (p.modelProb !== undefined) { hasModel = true; model += p.modelProb * len; }
      if (p.neutralProb !== undefined) { hasNeutral = true; neutral += p.neutralProb * len; }
      if (tokens.length < tokenCap) tokens = seg.contentTokens([...tokens, ...p.words], tokenCap);
      for (const x of p.words) words.push(x);
    }
    return {
      tokens, words, windows, rules: { score: score / total, hits, special: [...special] },
      ...probs(hasModel ? model / total : undefined, hasNeutral ? neutral / total : undefined),
    };
  }

  /** The tone of a long post is that of its angriest window, not a count over the whole text. */
  function angriestWindow(text: string, windows: TextWindow[], sentimentScore: number, nudged: number): ReturnType<typeof detectEmotion> {
    if (windows.length === 1) return detectEmotion({ text, sentimentScore, nudge: nudged });
    let best: ReturnType<typeof detectEmotion> | undefined;
    for (const w of windows) {
      const e = detectEmotion({ text: text.slice(w.start, w.end), sentimentScore, nudge: nudged });
      if (!best || e.intensity > best.intensity) best = e;
    }
    return best!;
  }

  function sentimentParts(language: Language, text: string, emo: number): { words: string[]; rules: RuleSentiment; modelProb?: number; neutralProb?: number } {
    if (language === 'zh') {
      const words = seg.cutZh(text);
      return { words, rules: ruleSentiment('zh', words, text, emo), modelProb: zhPositiveProb(text, words, models) };
    }
    if (language === 'en') {
      const lower = text.toLowerCase();
      const { modelProb, neutralProb } = enProbs(text, models);
      return {
        words: seg.wordsEn(lower), rules: ruleSentiment('en', lower.match(EN_WORDS_PUNCT) ?? [], text, emo), modelProb,
        ...(neutralProb !== undefined ? { neutralProb } : {}),
      };
    }
    if (language === 'mixed') {
      const words = seg.cutZh(text);
      const zhR = ruleSentiment('zh', words, text, emo);
      const enR = ruleSentiment('en', text.toLowerCase().match(EN_WORDS_PUNCT) ?? [], text, 0);
      const hits = zhR.hits + enR.hits;
      const rules: RuleSentiment = {
        score: hits ? (zhR.score * zhR.hits + enR.score * enR.hits) / hits : 0,
        hits,
        special: [...zhR.special, ...enR.special],
      };
      return { words, rules, modelProb: (zhPositiveProb(text, words, models) + enPositiveProb(text, models)) / 2 };
    }
    const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return { words, rules: ruleSentiment('en', [], text, emo) };
  }
}
