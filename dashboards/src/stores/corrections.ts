import { defineStore } from 'pinia';
import type { CorrectionRequest, EnrichedMention, MentionCorrection, RiskCueKind } from '@vigil/contracts';
import { api, ok, type Answer } from '../api/http';

export type Correction = Answer<'post', '/api/mentions/{id}/corrections'>['correction'];
export type Trail = Answer<'get', '/api/mentions/{id}/corrections'>['corrections'];

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const EMOTIONS = ['calm', 'agitated', 'angry'] as const;
export const CUE_KINDS: readonly RiskCueKind[] = [
  'manager_request', 'regulator', 'media', 'legal', 'vulnerable_person', 'medical_or_exam',
  'safety', 'data_leak', 'collective_action', 'repeat_complaint', 'compensation_demand',
];

/** What an analyst can correct, as the correction form edits it. */
export interface CorrectionValues {
  sentiment: (typeof SENTIMENTS)[number];
  emotion: (typeof EMOTIONS)[number];
  categories: string[];
  riskCues: RiskCueKind[];
}

/** The values a post shows now (the model's, or an earlier correction's). */
export function valuesOf(m: EnrichedMention): CorrectionValues {
  return {
    sentiment: m.analysis.sentiment.label,
    emotion: m.analysis.emotion.level,
    categories: m.analysis.categories.map((c) => c.id),
    riskCues: [...new Set(m.analysis.riskCues.map((c) => c.kind))],
  };
}

/** "refund, delivery，service" → ids, each once. */
export const parseCategories = (text: string): string[] => [...new Set(text.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean))];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The request body: only what the analyst changed. Saving without a change confirms the
 * post's sentiment, which is a label the next model update learns from as well.
 */
export function changes(m: EnrichedMention, v: CorrectionValues): CorrectionRequest {
  const now = valuesOf(m);
  const body: CorrectionRequest = {
    ...(v.sentiment !== now.sentiment ? { sentiment: v.sentiment } : {}),
    ...(v.emotion !== now.emotion ? { emotion: v.emotion } : {}),
    ...(!sameSet(v.categories, now.categories) ? { categories: v.categories } : {}),
    ...(!sameSet(v.riskCues, now.riskCues) ? { riskCues: v.riskCues } : {}),
  };
  return Object.keys(body).length ? body : { sentiment: v.sentiment };
}

/** How the post looks until the indexer has applied the correction (the api answers 202 before that). */
function provisional(m: EnrichedMention, c: Correction): EnrichedMention {
  const a = m.analysis;
  const original: MentionCorrection['original'] = m.correction?.original ?? { sentiment: a.sentiment, categories: a.categories, emotion: a.emotion, riskCues: a.riskCues, riskScore: a.riskScore };
  const keep = new Set(c.riskCues ?? []);
  return {
    ...m,
    analysis: {
      ...a,
      ...(c.sentiment ? { sentiment: { label: c.sentiment, score: { negative: -1, neutral: 0, positive: 1 }[c.sentiment], confidence: 1 } } : {}),
      ...(c.categories ? { categories: c.categories.map((id) => ({ id, confidence: 1 })) } : {}),
      ...(c.emotion && c.emotion !== a.emotion.level ? { emotion: { level: c.emotion, intensity: { calm: 0, agitated: 0.5, angry: 1 }[c.emotion] } } : {}),
      ...(c.riskCues ? { riskCues: [...a.riskCues.filter((x) => keep.has(x.kind)), ...[...keep].filter((k) => !a.riskCues.some((x) => x.kind === k)).map((kind) => ({ kind, evidence: `marked by ${c.by}`, start: 0, end: 0, confidence: 1 }))] } : {}),
    },
    correction: { id: c.id, by: c.by, at: c.at, original, ...(c.sentiment ? { sentiment: c.sentiment } : {}), ...(c.categories ? { categories: c.categories } : {}), ...(c.emotion ? { emotion: c.emotion } : {}), ...(c.riskCues ? { riskCues: c.riskCues } : {}) },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends analysts' corrections and reads a post's trail. */
export const useCorrectionsStore = defineStore('corrections', () => {
  /** Re-reads of the post while the indexer applies the correction (about a second; 5 s at most). */
  const settle = { tries: 20, everyMs: 250 };

  /** The post as stored once the indexer applied correction `id`, or undefined if it has not yet. */
  async function applied(mentionId: string, id: string): Promise<EnrichedMention | undefined> {
    for (let i = 0; i < settle.tries; i++) {
      const m = (await ok(api.GET('/api/mentions/by-ids', { params: { query: { ids: mentionId } } }))).mentions[0];
      if (m?.correction?.id === id) return m;
      await sleep(settle.everyMs);
    }
    return undefined;
  }

  /**
   * Sends the correction and answers the post as search now shows it: read back once the
   * indexer has applied it; if the indexer is slow, what was sent (search catches up).
   */
  async function correct(m: EnrichedMention, v: CorrectionValues): Promise<{ mention: EnrichedMention; correction: Correction; pending: boolean }> {
    const { correction } = await ok(api.POST('/api/mentions/{id}/corrections', { params: { path: { id: m.id } }, body: changes(m, v) }));
    const stored = await applied(m.id, correction.id);
    return { mention: stored ?? provisional(m, correction), correction, pending: !stored };
  }

  async function trail(mentionId: string): Promise<Trail> {
    return (await ok(api.GET('/api/mentions/{id}/corrections', { params: { path: { id: mentionId } } }))).corrections;
  }

  return { settle, correct, trail };
});
