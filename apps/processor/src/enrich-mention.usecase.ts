import { Inject, Injectable } from '@nestjs/common';
import { mentionId, type EnrichedMention, type RawMention } from '@vigil/contracts';
import type { Analyzer } from '@vigil/analysis';
import { Clock } from '@vigil/common';

export const ANALYZER = Symbol('ANALYZER');

/** Scores one raw post: deterministic id, analysis, personal data masked in what is kept. */
@Injectable()
export class EnrichMentionUseCase {
  constructor(
    @Inject(ANALYZER) private readonly analyzer: Analyzer,
    private readonly clock: Clock,
  ) {}

  execute(raw: RawMention): EnrichedMention {
    // The id is derived here again rather than trusted: a pushed or replayed message
    // with a wrong id must still land on the one document for that post.
    const id = mentionId(raw.sourceId, raw.externalId);
    const { analysis, maskedText, maskedTitle } = this.analyzer.analyze({
      text: raw.text,
      title: raw.title,
      rating: raw.rating,
      langHint: raw.langHint,
    });
    return {
      ...raw,
      id,
      text: maskedText,
      title: raw.title === undefined ? undefined : maskedTitle,
      analysis: { ...analysis, truncated: analysis.truncated || raw.truncated },
      processedAt: this.clock.now().toISOString(),
    };
  }
}
