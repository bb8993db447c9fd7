import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import type { ModelUpdateRun, StoredCorrection } from '@vigil/contracts';
import { fromDeploymentModels, shippedSentimentModels, toDeploymentModels, updateModelsSteps, type LabelledText, type SentimentModels } from '@vigil/analysis';
import { CorrectionsReader } from '@vigil/search';
import { AnalysisModelsRepository } from './analysis-models.repository';
import { ModelFollower } from './model-follower.service';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';
import { ModelUpdatesRepository } from './model-updates.repository';
import { loadReferenceData } from './reference-data';
import { runSteps } from './run-steps';

export type UpdateOutcome = ModelUpdateRun['outcome'] | 'nothing new' | 'claimed elsewhere';

/** The latest correction of each post, as training rows per language (sentiment only). */
export function foldCorrections(all: readonly StoredCorrection[]): { rows: Record<'zh' | 'en', LabelledText[]>; newest?: string } {
  const latest = new Map<string, StoredCorrection>();
  let newest: string | undefined;
  for (const c of all) {
    const prev = latest.get(c.mentionId);
    if (!prev || prev.at <= c.at) latest.set(c.mentionId, c);
    if (!newest || c.at > newest) newest = c.at;
  }
  const rows: Record<'zh' | 'en', LabelledText[]> = { zh: [], en: [] };
  for (const c of latest.values()) if (c.sentiment && (c.language === 'zh' || c.language === 'en')) rows[c.language].push({ text: c.text, label: c.sentiment });
  return { rows, newest };
}

/**
 * One run of the model-update job: when enough corrections came since the last run, one
 * instance claims the slot, retrains from the shipped (or file) models on every correction so
 * far (latest per post), and publishes only what is not worse than the models in force on the
 * held-out sets nor on the corrections kept aside. Training pauses every few milliseconds
 * (runSteps), so this processor keeps consuming while it trains.
 */
@Injectable()
export class UpdateModelsUseCase {
  private readonly logger = createLogger('processor');

  constructor(
    @Inject(MODEL_OPTIONS) private readonly options: ModelOptions,
    private readonly corrections: CorrectionsReader,
    private readonly models: AnalysisModelsRepository,
    private readonly runs: ModelUpdatesRepository,
    private readonly follower: ModelFollower,
    private readonly clock: Clock,
  ) {}

  async execute(slot: string): Promise<{ outcome: UpdateOutcome; run?: ModelUpdateRun }> {
    const all: StoredCorrection[] = [];
    for await (const page of this.corrections.scan()) all.push(...page);
    const published = await this.models.version();
    const lastRun = (await this.runs.list(1))[0];
    const since = [published?.lastCorrectionAt, lastRun?.lastCorrectionAt].filter((x): x is string => !!x).sort().pop();
    const fresh = all.filter((c) => !since || c.at > since).length;
    if (fresh < Math.max(1, this.options.minCorrections)) return { outcome: 'nothing new' };

    const { rows, newest } = foldCorrections(all);
    const run: ModelUpdateRun = {
      id: `run:${slot}`, startedAt: this.clock.now().toISOString(), instance: this.options.instance, outcome: 'running',
      corrections: rows.zh.length + rows.en.length, ...(newest ? { lastCorrectionAt: newest } : {}), reports: [],
    };
    if (!(await this.runs.claim(run))) return { outcome: 'claimed elsewhere' };
    this.logger.info({ run: run.id, zh: rows.zh.length, en: rows.en.length, fresh }, 'model update started');
    try {
      const done = await this.train(run, rows, published?.modelVersion ?? 0);
      await this.runs.finish(done);
      this.logger.info({ run: run.id, outcome: done.outcome, modelVersion: done.modelVersion, reason: done.reason }, 'model update finished');
      if (done.outcome === 'published') await this.follower.check();
      return { outcome: done.outcome, run: done };
    } catch (e) {
      const failed: ModelUpdateRun = { ...run, outcome: 'failed', reason: (e as Error).message, finishedAt: this.clock.now().toISOString() };
      await this.runs.finish(failed);
      this.logger.error({ run: run.id, err: (e as Error).message }, 'model update failed');
      return { outcome: 'failed', run: failed };
    }
  }

  private async train(run: ModelUpdateRun, rows: Record<'zh' | 'en', LabelledText[]>, version: number): Promise<ModelUpdateRun> {
    const finish = (outcome: ModelUpdateRun['outcome'], reason: string, extra: Partial<ModelUpdateRun> = {}): ModelUpdateRun =>
      ({ ...run, ...extra, outcome, reason, modelVersion: version, finishedAt: this.clock.now().toISOString() });
    const dir = this.options.referenceDir;
    // Never replace a model unchecked: without the held-out sets the corrections stay stored and applied, nothing more.
    if (!dir || !fs.existsSync(dir)) return finish('refused', `no reference data to check an update against (ANALYSIS_REFERENCE_DIR${dir ? ` = ${dir} not found` : ' not set'})`);
    const ref = loadReferenceData(dir);
    const base: SentimentModels = { ...shippedSentimentModels(), ...this.follower.seed };
    const publishedDoc = version > 0 ? await this.models.current() : undefined;
    const current: SentimentModels = { ...base, ...(publishedDoc ? fromDeploymentModels(publishedDoc) : {}) };
    const result = await runSteps(updateModelsSteps(base, rows, ref.heldOut, { replay: ref.replay, current }));
    const reports = result.reports.map((r) => ({ ...r }));
    const accepted = result.reports.filter((r) => r.accepted).map((r) => r.language);
    if (accepted.length === 0) return finish('refused', result.reports.map((r) => `${r.language}: ${r.reason}`).join('; '), { reports });
    // A language updated earlier and not in this run keeps its earlier update.
    const kept = (['zh', 'en'] as const).filter((l) => accepted.includes(l) || publishedDoc?.models[l]);
    const now = this.clock.now().toISOString();
    const doc = toDeploymentModels(result.models, kept, { trainedAt: now, corrections: run.corrections, reports });
    const published = await this.models.publish({ ...doc, publishedAt: now, ...(run.lastCorrectionAt ? { lastCorrectionAt: run.lastCorrectionAt } : {}) }, version);
    if (!published) return finish('refused', 'another instance published a newer model while this one trained', { reports });
    return { ...finish('published', `${accepted.join(', ')} updated`, { reports }), modelVersion: published.modelVersion };
  }
}
