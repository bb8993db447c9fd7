/** Between SentimentModels and the stored DeploymentModels document (pure: the apps read and write the file). */
import type { DeploymentModels } from '@vigil/contracts';
import { decodeModel, encodeModel } from '../features';
import type { SentimentModels } from '../models';

export function fromDeploymentModels(doc: DeploymentModels): Partial<SentimentModels> {
  const m = doc.models;
  return {
    ...(m.zh ? { zh: decodeModel(m.zh) } : {}),
    ...(m.en ? { en: decodeModel(m.en) } : {}),
    ...(m.enNeutral ? { enNeutral: decodeModel(m.enNeutral) } : {}),
    ...(m.zhStack ? { zhStack: m.zhStack } : {}),
    ...(m.enStack ? { enStack: m.enStack } : {}),
  };
}

/** Only the languages that changed are stored; the rest keep following the shipped models. */
export function toDeploymentModels(models: Partial<SentimentModels>, changed: readonly ('zh' | 'en')[], meta: { trainedAt: string; corrections: number; reports: Record<string, unknown>[] }): DeploymentModels {
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
    },
  };
}
