import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { rescoreCutoff } from '@vigil/contracts';
import { shippedModelFacts } from '@vigil/analysis';
import { AnalysisModelsReader, CorrectionsReader, MentionsReader, ModelUpdatesReader } from '@vigil/search';
import { API_CONFIG, type ApiConfig } from '../api.config';
import type { ModelPage } from './corrections.dto';

const Share = z.object({ n: z.number(), before: z.number(), after: z.number() });
/** A language report of an update's checks (stored loosely: older runs may lack fields, those are left out). */
const Report = z.object({ language: z.string(), accepted: z.boolean(), reason: z.string(), corrections: z.number().optional(), heldOut: Share, check: Share.optional() });

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
    const rules = (component: 'emotion' | 'category' | 'cues', pending: number): ModelPage['components'][number] =>
      ({ component, source: 'rules', modelVersion: 0, learnsFromCorrections: false, trainedOn: [], pendingCorrections: pending });
    const reportsFrom = current?.reports.length ? 'published' : lastRun?.reports.length ? 'latest run' : 'none';
    const reports = (reportsFrom === 'published' ? current!.reports : lastRun?.reports ?? []).flatMap((r) => {
      const p = Report.safeParse(r);
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
        // No update learns from these yet: every one stored is pending.
        rules('emotion', all.emotion),
        rules('category', all.categories),
        rules('cues', all.riskCues),
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
