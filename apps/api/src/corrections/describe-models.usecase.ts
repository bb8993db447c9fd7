import { Inject, Injectable } from '@nestjs/common';
import { rescoreCutoff } from '@vigil/contracts';
import { shippedModelFacts } from '@vigil/analysis';
import { AnalysisModelsReader, CorrectionsReader, MentionsReader, ModelUpdatesReader } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { HeldOutReport, type ModelPage } from './corrections.dto';

const LANGS = [['zh', 'zh'], ['en', 'en'], ['en (neutral)', 'enNeutral']] as const;

/**
 * What the model-status page shows: each analysis component with where its model comes from, the
 * held-out checks of the update in force, the corrections no update has learnt from, and how far
 * re-scoring of the window has come (counted from the stored posts themselves, so it survives restarts).
 */
@Injectable()
export class DescribeModelsUseCase {
  constructor(
    private readonly models: AnalysisModelsReader,
    private readonly runs: ModelUpdatesReader,
    private readonly corrections: CorrectionsReader,
    private readonly mentions: MentionsReader,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute(): Promise<ModelPage> {
    const [current, lastRun] = await Promise.all([this.models.current(), this.runs.list(1).then((r) => r[0] ?? null)]);
    const since = current?.lastCorrectionAt;
    const [sinceUpdate, all] = await Promise.all([this.corrections.countSince(since), this.corrections.countSince(undefined)]);
    const shipped = shippedModelFacts();
    const version = current?.modelVersion ?? 0;
    // An update starts from the shipped model: its training split stays, the corrections come on top.
    const trainedOn = LANGS.map(([language, key]) => {
      const published = current?.models[key];
      const { rows, trainedOn: note } = shipped[key];
      return { language, note: published?.trainedOn ?? note, ...(rows !== undefined ? { rows } : {}), ...(published ? { corrections: current!.corrections } : {}) };
    });
    // Emotion and categories are rules with what an update learnt from corrections on top (when one was put in force).
    const learnt = (component: 'emotion' | 'category', inForce: boolean, pending: number): ModelPage['components'][number] => ({
      component, source: inForce ? 'published' : 'rules', modelVersion: inForce ? version : 0, ...(inForce ? { publishedAt: current!.publishedAt } : {}),
      learnsFromCorrections: true, pendingCorrections: pending,
      trainedOn: inForce ? [{ language: 'zh, en', note: 'rules, with what the update learnt from the corrections', corrections: current!.corrections }] : [],
    });
    const reportsFrom = current?.reports.length ? 'published' : lastRun?.reports.length ? 'latest run' : 'none';
    // Stored loosely: a report of an older run that lacks a field is left out.
    const reports = (reportsFrom === 'published' ? current!.reports : lastRun?.reports ?? []).flatMap((r) => {
      const p = HeldOutReport.safeParse(r);
      return p.success ? [p.data] : [];
    });
    const days = this.config.ANALYSIS_RESCORE_DAYS;
    const cutoff = current && days > 0 ? rescoreCutoff(current.publishedAt, days) : undefined;
    const progress = cutoff ? await this.mentions.rescoreProgress(cutoff, version) : undefined;
    return {
      components: [
        {
          component: 'sentiment', source: current ? 'published' : 'shipped', modelVersion: version, ...(current ? { publishedAt: current.publishedAt } : {}),
          learnsFromCorrections: true, trainedOn, pendingCorrections: sinceUpdate.sentiment,
        },
        learnt('emotion', !!current?.models.emotion, since ? sinceUpdate.emotion : all.emotion),
        learnt('category', !!current?.models.categories, since ? sinceUpdate.categories : all.categories),
        // No update learns from cues yet: every one stored is pending.
        { component: 'cues', source: 'rules', modelVersion: 0, learnsFromCorrections: false, trainedOn: [], pendingCorrections: all.riskCues },
      ],
      heldOut: reports,
      heldOutFrom: reports.length ? reportsFrom : 'none',
      lastRun,
      ...(since ? { lastCorrectionAt: since } : {}),
      pendingCorrections: sinceUpdate.total,
      rescoring: progress && cutoff ? { modelVersion: version, windowDays: days, since: cutoff, ...progress } : null,
    };
  }
}
