import type { EnrichedMention, MentionCorrection, StoredCorrection } from '@vigil/contracts';

const POLE = { negative: -1, neutral: 0, positive: 1 } as const;

/**
 * The mention as search and analytics should see it after an analyst's correction: `analysis`
 * shows the analyst's sentiment and categories (certain: confidence 1), and `correction` keeps
 * who, when and the model's own answer. The model's answer survives any number of corrections.
 */
export function applyCorrection(m: EnrichedMention, c: StoredCorrection): EnrichedMention {
  const original = m.correction?.original ?? { sentiment: m.analysis.sentiment, categories: m.analysis.categories };
  const correction: MentionCorrection = {
    id: c.id, by: c.by, at: c.at, original,
    ...(c.sentiment ? { sentiment: c.sentiment } : {}),
    ...(c.categories ? { categories: c.categories } : {}),
  };
  return {
    ...m,
    analysis: {
      ...m.analysis,
      sentiment: c.sentiment ? { label: c.sentiment, score: POLE[c.sentiment], confidence: 1 } : original.sentiment,
      categories: c.categories ? c.categories.map((id) => ({ id, confidence: 1 })) : original.categories,
    },
    correction,
  };
}

/** Whether `c` is newer than the correction a stored mention already carries (redelivered or late messages never win). */
export function supersedes(m: EnrichedMention, c: StoredCorrection): boolean {
  const had = m.correction;
  return !had || had.at < c.at || (had.at === c.at && had.id <= c.id);
}
