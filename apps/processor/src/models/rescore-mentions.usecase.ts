import { Inject, Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { createLogger } from '@vigil/common';
import { categoriesMoved, rescoreCutoff, type RescoredMention, type WatchMatch } from '@vigil/contracts';
import type { Analyzer, Taxonomy } from '@vigil/analysis';
import { MessageProducer } from '@vigil/kafka';
import { AnalysisModelsReader, MentionsReader, notRescoredQuery } from '@vigil/search';
import { WatchesRegistry } from '../watches/watches-registry.service';
import { ModelFollower } from './model-follower.service';
import { MODEL_OPTIONS, type ModelOptions } from './model-options';

/**
 * The analyzer posts are scored with (the watches registry's, which follows the published models),
 * and the taxonomy of a post's watches (undefined: the default), as new posts get them.
 */
export interface AnalyzerSource {
  readonly ready: Promise<void>;
  current(): { analyzer: Analyzer; taxonomyFor?(matches: readonly WatchMatch[]): Taxonomy | undefined };
}

export interface RescorePass {
  modelVersion: number;
  since?: string;
  /** Posts scored again and sent to the indexer in this pass. */
  sent: number;
  /** Why the pass stopped before the end (a newer version came, or the process is stopping). */
  stopped?: string;
}

/**
 * One pass of re-scoring after a model update: the stored posts of the window that the models in
 * force have not scored yet, oldest first, a page at a time, analysed again and sent to the indexer
 * on `mentions.rescored`. The stored `analysis.modelVersion` is the only progress kept: a pass
 * cut off by a restart leaves the rest below the version, the next pass finds exactly those; a
 * post sent twice (a pass that saw it before the indexer wrote it) is written once by the indexer.
 * Categories travel only where the models in force may give others (`categoriesMoved`): the
 * category nudges were published after the version that scored the post, or its model sentiment
 * crossed into or out of negative; they are scored with the taxonomy of the post's stored watches.
 */
@Injectable()
export class RescoreMentionsUseCase {
  private readonly logger = createLogger('processor');

  constructor(
    @Inject(MODEL_OPTIONS) private readonly options: ModelOptions,
    private readonly mentions: MentionsReader,
    private readonly published: AnalysisModelsReader,
    private readonly follower: ModelFollower,
    private readonly producer: MessageProducer,
    @Inject(WatchesRegistry) private readonly analyzers: AnalyzerSource,
  ) {}

  async execute(shouldStop: () => boolean = () => false): Promise<RescorePass> {
    const modelVersion = this.follower.modelVersion;
    if (modelVersion === 0 || this.options.rescoreDays <= 0) return { modelVersion, sent: 0 };
    const v = await this.published.version();
    // Score only with the models of the version in force: a newer one is followed first, then passed.
    if (!v || v.modelVersion !== modelVersion) return { modelVersion, sent: 0, stopped: 'the published version moved; the next pass follows it' };
    await this.analyzers.ready;
    const since = rescoreCutoff(v.publishedAt, this.options.rescoreDays);
    const query = notRescoredQuery(since, modelVersion);
    let sent = 0;
    let after: estypes.SortResults | undefined;
    for (;;) {
      if (shouldStop()) return { modelVersion, since, sent, stopped: 'stopping' };
      if (this.follower.modelVersion !== modelVersion) return { modelVersion, since, sent, stopped: 'a newer version came; the next pass scores with it' };
      const res = await this.mentions.query({ size: this.options.rescorePage, query, sort: [{ publishedAt: 'asc' }, { id: 'asc' }], track_total_hits: false, ...(after ? { search_after: after } : {}) });
      const hits = res.hits.hits;
      if (!hits.length) break;
      const rt = this.analyzers.current();
      const out: { key: string; value: RescoredMention }[] = [];
      for (const h of hits) {
        const m = h._source!;
        const taxonomy = m.watches?.length && rt.taxonomyFor ? rt.taxonomyFor(m.watches) : undefined;
        const { analysis } = rt.analyzer.analyze({ text: m.text, title: m.title, rating: m.rating, langHint: m.langHint }, taxonomy ? { taxonomyFor: () => taxonomy } : undefined);
        // The model's own earlier answer: an analyst's correction keeps it in `original`.
        const before = (m.correction?.original.sentiment ?? m.analysis.sentiment).label;
        const categories = categoriesMoved(m.analysis.modelVersion, v.categoriesVersion, before, analysis.sentiment.label) ? { categories: analysis.categories } : {};
        out.push({ key: m.id, value: { mentionId: m.id, modelVersion, sentiment: analysis.sentiment, emotion: analysis.emotion, riskCues: analysis.riskCues, ...categories } });
      }
      await this.producer.send('mentionsRescored', out);
      sent += out.length;
      after = hits[hits.length - 1]!.sort;
      // Let the live stream's analysis go first between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (sent) this.logger.info({ modelVersion, since, sent }, 're-scoring pass sent posts to the indexer');
    return { modelVersion, since, sent };
  }
}
