import { Inject, Injectable } from '@nestjs/common';
import { mentionId, type EnrichedMention, type RawMention } from '@vigil/contracts';
import type { Analyzer } from '@vigil/analysis';
import { Clock } from '@vigil/common';
import { checkEventTime, type EventTimePolicy } from './event-time';
import { EVENT_TIME_POLICY } from './processor.tokens';

export const ANALYZER = Symbol('ANALYZER');

/** Scores one raw post: deterministic id, analysis, personal data masked in what is kept, its time checked. */
@Injectable()
export class EnrichMentionUseCase {
  constructor(
    @Inject(ANALYZER) private readonly analyzer: Analyzer,
    private readonly clock: Clock,
    @Inject(EVENT_TIME_POLICY) private readonly timePolicy: EventTimePolicy,
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
    const now = this.clock.now();
    const time = checkEventTime(raw.publishedAt, raw.fetchedAt, now, this.timePolicy);
    return {
      ...raw,
      id,
      publishedAt: time.publishedAt,
      ...(time.note ? { eventTime: time.note } : {}),
      text: maskedText,
      title: raw.title === undefined ? undefined : maskedTitle,
      analysis: {
        ...analysis,
        truncated: analysis.truncated || raw.truncated,
        // What the collector masked before mentions.raw, plus anything found here (a replayed file).
        entities: raw.piiKinds?.length ? { ...analysis.entities, piiKinds: [...new Set([...analysis.entities.piiKinds, ...raw.piiKinds])] } : analysis.entities,
      },
      processedAt: now.toISOString(),
    };
  }
}
