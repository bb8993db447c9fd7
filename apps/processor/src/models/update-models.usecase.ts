import * as fs from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import type { ModelUpdateReason, ModelUpdateRun, StoredCorrection } from '@vigil/contracts';
import {
  fromDeploymentModels, shippedSentimentModels, toDeploymentModels, updateLabelsSteps, updateModelsSteps,
  type LabelCorrection, type LabelledText, type ModelComponent, type SentimentModels,
} from '@vigil/analysis';
import { CorrectionsReader } from '@vigil/search';
import { AnalysisModelsRepository } from './analysis-models.repository';
import { ModelFollower } from './model-follower.service';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';
import { ModelUpdatesRepository } from './model-updates.repository';
import { loadReferenceData } from './reference-data';
import { runSteps } from './run-steps';

export type UpdateOutcome = ModelUpdateRun['outcome'] | 'nothing new' | 'claimed elsewhere';

export interface FoldedCorrections {
  /** Sentiment training rows per language. */
  rows: Record<'zh' | 'en', LabelledText[]>;
  /** Posts with a corrected emotion and/or categories. */
  labels: LabelCorrection[];
  /** Posts with anything learnt from. */
  posts: number;
  newest?: string;
}

/**
 * Per post, the latest value of each corrected field (a later correction of the emotion alone
 * keeps the sentiment corrected before): sentiment rows per language, emotion and categories.
 * Risk cues are not learnt from (the cue rules have no learnt part yet).
 */
export function foldCorrections(all: readonly StoredCorrection[]): FoldedCorrections {
  const byPost = new Map<string, StoredCorrection[]>();
  let newest: string | undefined;
  for (const c of all) {
    byPost.set(c.mentionId, [...(byPost.get(c.mentionId) ?? []), c]);
    if (!newest || c.at > newest) newest = c.at;
  }
  const rows: Record<'zh' | 'en', LabelledText[]> = { zh: [], en: [] };
  const labels: LabelCorrection[] = [];
  let posts = 0;
  for (const list of byPost.values()) {
    list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    const last = list[list.length - 1]!;
    if (last.language !== 'zh' && last.language !== 'en') continue;
    const latest = <K extends 'sentiment' | 'emotion' | 'categories'>(k: K): StoredCorrection[K] => list.filter((c) => c[k] !== undefined).pop()?.[k];
    const sentiment = latest('sentiment');
    const emotion = latest('emotion');
    const categories = latest('categories');
    if (sentiment) rows[last.language].push({ text: last.text, label: sentiment });
    if (emotion || categories) labels.push({ text: last.text, ...(emotion ? { emotion } : {}), ...(categories ? { categories } : {}) });
    if (sentiment || emotion || categories) posts++;
  }
  return { rows, labels, posts, ...(newest ? { newest } : {}) };
}

const REASONS: Record<ModelUpdateReason, (p: Record<string, string | number>) => string> = {
  'no-reference-data': (p) => `no reference data to check an update against (ANALYSIS_REFERENCE_DIR${p.dir ? ` = ${p.dir} not found` : ' not set'})`,
  updated: (p) => `${p.components} updated`,
  'all-refused': (p) => `every update refused: ${p.details}`,
  'published-elsewhere': () => 'another instance published a newer model while this one trained',
  failed: (p) => String(p.error),
};

/** A run's reason as a code with its parameters, and the same in English (logs, `vigil`, older readers). */
export function runReason(code: ModelUpdateReason, params: Record<string, string | number> = {}): Pick<ModelUpdateRun, 'reason' | 'reasonCode' | 'reasonParams'> {
  return { reason: REASONS[code](params), reasonCode: code, ...(Object.keys(params).length ? { reasonParams: params } : {}) };
}

/**
 * One run of the model-update job: when enough corrections came since the last run, one
 * instance claims the slot, retrains from the shipped (or file) models on every correction so
 * far (latest per post and field) — the sentiment models per language, then what is learnt for
 * emotion and categories over them — and publishes only the components not worse than the ones
 * in force on the held-out sets nor on the corrections kept aside. Training pauses every few
 * milliseconds (runSteps), so this processor keeps consuming while it trains.
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

    const folded = foldCorrections(all);
    const run: ModelUpdateRun = {
      id: `run:${slot}`, startedAt: this.clock.now().toISOString(), instance: this.options.instance, outcome: 'running',
      corrections: folded.posts, ...(folded.newest ? { lastCorrectionAt: folded.newest } : {}), reports: [],
    };
    if (!(await this.runs.claim(run))) return { outcome: 'claimed elsewhere' };
    this.logger.info({ run: run.id, zh: folded.rows.zh.length, en: folded.rows.en.length, labels: folded.labels.length, fresh }, 'model update started');
    try {
      const done = await this.train(run, folded, published?.modelVersion ?? 0);
      await this.runs.finish(done);
      this.logger.info({ run: run.id, outcome: done.outcome, modelVersion: done.modelVersion, reason: done.reason }, 'model update finished');
      if (done.outcome === 'published') await this.follower.check();
      return { outcome: done.outcome, run: done };
    } catch (e) {
      const failed: ModelUpdateRun = { ...run, outcome: 'failed', ...runReason('failed', { error: (e as Error).message }), finishedAt: this.clock.now().toISOString() };
      await this.runs.finish(failed);
      this.logger.error({ run: run.id, err: (e as Error).message }, 'model update failed');
      return { outcome: 'failed', run: failed };
    }
  }

  private async train(run: ModelUpdateRun, folded: FoldedCorrections, version: number): Promise<ModelUpdateRun> {
    const finish = (outcome: ModelUpdateRun['outcome'], reason: ReturnType<typeof runReason>, extra: Partial<ModelUpdateRun> = {}): ModelUpdateRun =>
      ({ ...run, ...extra, outcome, ...reason, modelVersion: version, finishedAt: this.clock.now().toISOString() });
    const dir = this.options.referenceDir;
    // Never replace a model unchecked: without the held-out sets the corrections stay stored and applied, nothing more.
    if (!dir || !fs.existsSync(dir)) return finish('refused', runReason('no-reference-data', dir ? { dir } : {}));
    const ref = loadReferenceData(dir);
    const base: SentimentModels = { ...shippedSentimentModels(), ...this.follower.seed };
    const publishedDoc = version > 0 ? await this.models.current() : undefined;
    const current: SentimentModels = { ...base, ...(publishedDoc ? fromDeploymentModels(publishedDoc) : {}) };
    const result = await runSteps(updateModelsSteps(base, folded.rows, ref.heldOut, { replay: ref.replay, current }));
    // Emotion and categories are learnt over the sentiment that will be in force (the emotion score reads it), from the rules alone.
    const overSentiment: SentimentModels = { ...result.models, labels: base.labels };
    const labels = await runSteps(updateLabelsSteps(overSentiment, folded.labels, { replay: ref.replayTexts, heldOutAnger: ref.heldOutAnger, current }));
    const reports = [
      ...result.reports.map((r) => ({ component: 'sentiment', ...r })),
      ...labels.reports.map((r) => ({ ...r })),
    ];
    const accepted: ModelComponent[] = [
      ...result.reports.filter((r) => r.accepted).map((r) => r.language),
      ...labels.reports.filter((r) => r.accepted).map((r) => r.component),
    ];
    const refused = () => reports.map((r) => `${'language' in r ? r.language : r.component}: ${r.reason}`).join('; ');
    if (accepted.length === 0) return finish('refused', runReason('all-refused', { components: reports.map((r) => ('language' in r ? r.language : r.component)).join(', '), details: refused() }), { reports });
    // A component updated earlier and not in this run keeps its earlier update.
    const stored = publishedDoc?.models;
    const kept = (['zh', 'en', 'emotion', 'categories'] as const).filter((c) => accepted.includes(c) || stored?.[c]);
    const now = this.clock.now().toISOString();
    const doc = toDeploymentModels({ ...result.models, labels: labels.labels }, kept, { trainedAt: now, corrections: run.corrections, reports });
    const published = await this.models.publish({ ...doc, publishedAt: now, ...(run.lastCorrectionAt ? { lastCorrectionAt: run.lastCorrectionAt } : {}) }, version);
    if (!published) return finish('refused', runReason('published-elsewhere'), { reports });
    return { ...finish('published', runReason('updated', { components: accepted.join(', ') }), { reports }), modelVersion: published.modelVersion };
  }
}
