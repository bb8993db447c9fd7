/** Between SentimentModels and the stored DeploymentModels document (pure: the apps read and write the file). */
import type { DeploymentModels } from '@vigil/contracts';
import { decodeModel, encodeModel } from '../features';
import { decodeSparse, encodeSparse, type LabelModels } from '../learned-labels';
import type { SentimentModels } from '../models';
import type { SentimentStack } from '../sentiment';

export function fromDeploymentModels(doc: DeploymentModels): Partial<SentimentModels> {
  const m = doc.models;
  const labels: LabelModels = {
    ...(m.emotion ? { emotion: decodeSparse(m.emotion) } : {}),
    ...(m.categories ? { categories: Object.fromEntries(Object.entries(m.categories).map(([id, e]) => [id, decodeSparse(e)])) } : {}),
  };
  return {
    ...(labels.emotion || labels.categories ? { labels } : {}),
    ...(m.zh ? { zh: decodeModel(m.zh) } : {}),
    ...(m.en ? { en: decodeModel(m.en) } : {}),
    ...(m.enNeutral ? { enNeutral: decodeModel(m.enNeutral) } : {}),
    ...(m.zhStack ? { zhStack: m.zhStack } : {}),
    ...(m.enStack ? { enStack: m.enStack } : {}),
  };
}

const storedStack = (st: SentimentStack) => ({
  bias: st.bias, weights: [...st.weights],
  ...(st.neutralBand !== undefined ? { neutralBand: st.neutralBand } : {}),
  ...(st.informationNeutral !== undefined ? { informationNeutral: st.informationNeutral } : {}),
});

/** What an update can change: a language's sentiment models, or what is learnt for emotion or categories. */
export type ModelComponent = 'zh' | 'en' | 'emotion' | 'categories';

/** Only the components that changed are stored; the rest keep following the shipped models (or the rules). */
export function toDeploymentModels(models: Partial<SentimentModels>, changed: readonly ModelComponent[], meta: { trainedAt: string; corrections: number; reports: Record<string, unknown>[] }): DeploymentModels {
  const note = `deployment update from ${meta.corrections} corrections, ${meta.trainedAt}`;
  return {
    version: 1,
    trainedAt: meta.trainedAt,
    corrections: meta.corrections,
    reports: meta.reports,
    models: {
      ...(changed.includes('zh') && models.zh ? { zh: encodeModel(models.zh, note) } : {}),
      ...(changed.includes('en') && models.en ? { en: encodeModel(models.en, note) } : {}),
      ...(changed.includes('en') && models.enNeutral ? { enNeutral: encodeModel(models.enNeutral, note) } : {}),
      // A domain layer's stack carries its neutral rule; a fine-tuned model's is the shipped one.
      ...(changed.includes('zh') && models.zhStack ? { zhStack: storedStack(models.zhStack) } : {}),
      ...(changed.includes('en') && models.enStack ? { enStack: storedStack(models.enStack) } : {}),
      ...(changed.includes('emotion') && models.labels?.emotion ? { emotion: encodeSparse(models.labels.emotion) } : {}),
      ...(changed.includes('categories') && models.labels?.categories
        ? { categories: Object.fromEntries(Object.entries(models.labels.categories).map(([id, w]) => [id, encodeSparse(w)])) } : {}),
    },
  };
}
