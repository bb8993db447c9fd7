import type { Analysis, Language, RiskCue } from '@vigil/contracts';
import { compileTaxonomy, DEFAULT_TAXONOMY, detectCategories, type CategoryDef } from './categories';
import { emojiScore, extractEmojis } from './emoji';
import { detectEmotion } from './emotion';
import {
  compileProducts, DEFAULT_ORDER_PATTERNS, findAppVersion, findDevice, findMoney, findOrderIds, findPlaces, findProducts,
  type MoneySpan, type Place, type ProductDef,
} from './entities';
import { detectLanguage, toSimplified } from './language';
import { enPositiveProb, shippedSentimentModels, zhPositiveProb, type SentimentModels } from './models';
import { maskPii, PII_KINDS, type PiiKind } from './pii';
import { detectRiskCues } from './risk-cues';
import { scoreRisk } from './risk-score';
import { combineSentiment } from './sentiment';
import { ruleSentiment, type RuleSentiment } from './sentiment-rules';
import { createSegmenter } from './segmenter';
import { countLettersAndDigits, MAX_ANALYSED_CHARS, toHalfWidth, truncate } from './text';

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
  /** Longer texts are analysed on a prefix and flagged truncated. */
  maxChars?: number;
  /** Cap on `tokens`. */
  tokenCap?: number;
  /** Sentiment models replacing the shipped ones (a deployment's own update, or an evaluation fold's). */
  sentimentModels?: Partial<SentimentModels>;
}

export interface AnalyzeInput {
  text: string;
  title?: string;
  /** Star rating 1..5 when the source has one. */
  rating?: number;
  /** Source language hint (e.g. from the feed), used only for Latin-script text. */
  langHint?: string;
}

export interface AnalyzeResult {
  analysis: Analysis;
  /** The analysed (possibly truncated) text with personal data masked; cue offsets point here. */
  maskedText: string;
  maskedTitle?: string;
}

export interface Analyzer {
  analyze(input: AnalyzeInput): AnalyzeResult;
}

const EN_WORDS_PUNCT = /[a-z0-9]+(?:['’][a-z]+)*|[.,;:!?]+/g;

export function createAnalyzer(config: AnalyzerConfig = {}): Analyzer {
  const productDefs = config.products ?? [];
  const userTerms = [...(config.userDictionary ?? []), ...productDefs.flatMap((p) => [p.name, ...(p.aliases ?? [])])];
  const seg = createSegmenter(userTerms);
  const taxonomy = compileTaxonomy(config.taxonomy ?? DEFAULT_TAXONOMY);
  const products = compileProducts(productDefs);
  const orderPatterns = (config.orderPatterns ?? DEFAULT_ORDER_PATTERNS).map((p) =>
    typeof p === 'string' ? new RegExp(p, 'gi') : p.global ? p : new RegExp(p.source, p.flags + 'g'));
  const piiEnabled = new Set(PII_KINDS.filter((k) => config.pii?.[k] !== false));
  const maxChars = config.maxChars ?? MAX_ANALYSED_CHARS;
  const tokenCap = config.tokenCap ?? 64;
  const models: SentimentModels = { ...shippedSentimentModels(), ...config.sentimentModels };

  return {
    analyze(input) {
      const body = truncate(typeof input.text === 'string' ? input.text : '', maxChars);
      const titleCut = input.title ? truncate(input.title, 500).text : undefined;

      const bodyOrders = findOrderIds(body.text, orderPatterns);
      const titleOrders = titleCut ? findOrderIds(titleCut, orderPatterns) : { ids: [], spans: [] };
      const bodyPii = maskPii(body.text, piiEnabled, bodyOrders.spans);
      const titlePii = titleCut !== undefined ? maskPii(titleCut, piiEnabled, titleOrders.spans) : undefined;
      const maskedText = bodyPii.masked;
      const maskedTitle = titlePii?.masked;

      const combinedRaw = maskedTitle ? `${maskedTitle}\n${maskedText}` : maskedText;
      const lang = detectLanguage(toHalfWidth(combinedRaw), input.langHint);
      const norm = (s: string) => (lang.script === 'traditional' ? toSimplified(toHalfWidth(s)) : toHalfWidth(s));
      const bodyNorm = norm(maskedText);
      const titleNorm = maskedTitle !== undefined ? norm(maskedTitle) : undefined;
      const text = titleNorm !== undefined ? `${titleNorm}\n${bodyNorm}` : bodyNorm;

      const emojis = extractEmojis(text);
      const emo = emojiScore(emojis);
      const { words, rules, modelProb } = sentimentParts(lang.language, text, emo);
      const contentLength = countLettersAndDigits(text);
      const sentiment = combineSentiment({ rules, modelProb, rating: input.rating, contentLength });
      const emotion = detectEmotion({ text, sentimentScore: sentiment.score });
      const categories = detectCategories(text, taxonomy, sentiment.label === 'negative');

      const money: MoneySpan[] = findMoney(bodyNorm);
      const titleMoney = titleNorm !== undefined ? findMoney(titleNorm) : [];
      const places: Place[] = findPlaces(text);
      const piiKinds = PII_KINDS.filter((k) => bodyPii.kinds.includes(k) || titlePii?.kinds.includes(k));
      const device = findDevice(text);
      const appVersion = findAppVersion(text);
      const entities: Analysis['entities'] = {
        orderIds: [...new Set([...titleOrders.ids, ...bodyOrders.ids])],
        money: [...titleMoney, ...money].map(({ amount, currency, text: t }) => ({ amount, currency, text: t })),
        places,
        products: findProducts(text, products),
        piiKinds,
        ...(appVersion ? { appVersion } : {}),
        ...(device ? { device } : {}),
      };

      const riskCues: RiskCue[] = detectRiskCues(bodyNorm, maskedText, money, { language: lang.language });
      if (titleNorm !== undefined && maskedTitle !== undefined) {
        for (const c of detectRiskCues(titleNorm, maskedTitle, titleMoney, { language: lang.language })) {
          if (!riskCues.some((b) => b.kind === c.kind)) riskCues.push({ ...c, field: 'title' });
        }
      }
      const { riskScore, riskReasons } = scoreRisk({ cues: riskCues, sentiment, emotion, categories, piiKinds });

      const analysis: Analysis = {
        language: lang.language,
        ...(lang.script ? { script: lang.script } : {}),
        tokens: seg.contentTokens(words, tokenCap),
        sentiment,
        emotion: { level: emotion.level, intensity: emotion.intensity },
        categories,
        entities,
        riskCues,
        riskScore,
        riskReasons,
        emojis,
        truncated: body.truncated,
      };
      return { analysis, maskedText, ...(maskedTitle !== undefined ? { maskedTitle } : {}) };
    },
  };

  function sentimentParts(language: Language, text: string, emo: number): { words: string[]; rules: RuleSentiment; modelProb?: number } {
    if (language === 'zh') {
      const words = seg.cutZh(text);
      return { words, rules: ruleSentiment('zh', words, text, emo), modelProb: zhPositiveProb(text, words, models) };
    }
    if (language === 'en') {
      const lower = text.toLowerCase();
      return { words: seg.wordsEn(lower), rules: ruleSentiment('en', lower.match(EN_WORDS_PUNCT) ?? [], text, emo), modelProb: enPositiveProb(text, models) };
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
