import { MIN_CUE_CONFIDENCE, type RiskCue } from '@vigil/contracts';
import { negated, quoted } from './cue-context';
import type { MoneySpan } from './entities';
import { CUE_RULES, type Assess } from './risk-cue-rules';
import { allMatches, scriptsOf } from './text';

// Compiled once with the g flag; allMatches resets lastIndex, so sharing them is safe.
const COMPILED = CUE_RULES.map((def) => ({
  def,
  rules: ([['zh', def.zh], ['en', def.en]] as const).filter(([, r]) => !!r).map(([lang, r]) => ({
    re: new RegExp(r!.trigger.source, r!.trigger.flags.includes('g') ? r!.trigger.flags : r!.trigger.flags + 'g'),
    zh: lang === 'zh',
    assess: r!.assess,
  })),
}));

/** A match this sure ends the search for its kind. */
const SURE = 0.9;

export interface CueOptions { language: 'zh' | 'en' | 'mixed' | 'other' }

/**
 * The most confident evidence per cue kind (the earliest among equals), offsets in the analysis
 * text (which is 1:1 with the masked text). Each cue carries the confidence its context gave it;
 * below MIN_CUE_CONFIDENCE it is not reported at all.
 */
export function detectRiskCues(text: string, masked: string, money: readonly MoneySpan[], opts: CueOptions): RiskCue[] {
  const out: RiskCue[] = [];
  // Every Chinese pattern needs a Han character or a digit (12315), every English one a
  // Latin letter: a post without them skips those regexes, with the same result.
  const { latin, hanOrDigit } = scriptsOf(text);
  for (const { def, rules } of COMPILED) {
    let best: { start: number; end: number; confidence: number } | undefined;
    for (const { re, zh, assess } of rules) {
      if (zh ? !hanOrDigit : !latin) continue;
      if (best && best.confidence >= SURE) break;
      for (const m of allMatches(re, text)) {
        const start = m.index;
        const end = start + m[0].length;
        const c = confidenceOf(text, start, end, m[0], zh, assess, def.negatable === true);
        if (c >= MIN_CUE_CONFIDENCE && (!best || c > best.confidence)) best = { start, end, confidence: c };
        if (best && best.confidence >= SURE) break;
      }
    }
    if (!best) continue;
    const cue: RiskCue = { kind: def.kind, evidence: masked.slice(best.start, best.end), start: best.start, end: best.end, confidence: best.confidence };
    if (def.kind === 'compensation_demand') {
      const near = nearestMoney(money, best.start, best.end);
      if (near) cue.amount = near.amount;
    }
    out.push(cue);
  }
  void opts;
  return out.sort((a, b) => a.start - b.start);
}

function confidenceOf(t: string, s: number, e: number, word: string, zh: boolean, assess: Assess | undefined, negatable: boolean): number {
  if (negatable && negated(t, s, zh)) return 0;
  let c = assess ? assess(t, s, e, word) : 0.8;
  if (c > 0 && quoted(t, s)) c *= 0.5;
  return Math.round(c * 100) / 100;
}

function nearestMoney(money: readonly MoneySpan[], start: number, end: number): MoneySpan | undefined {
  let best: MoneySpan | undefined;
  let bestDist = 40;
  for (const m of money) {
    const d = m.end <= start ? start - m.end : m.start >= end ? m.start - end : 0;
    if (d <= bestDist) { best = m; bestDist = d; }
  }
  return best;
}
