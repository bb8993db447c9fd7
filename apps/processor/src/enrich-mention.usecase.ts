import { Inject, Injectable } from '@nestjs/common';
import { mentionId, type EnrichedMention, type RawMention, type WatchMatch } from '@vigil/contracts';
import { Clock } from '@vigil/common';
import { WatchesRegistry } from './watches/watches-registry.service';
import { checkEventTime, type EventTimePolicy } from './event-time';
import { EVENT_TIME_POLICY } from './processor.tokens';
import { ModelFollower } from './models/model-follower.service';

/**
 * Scores one raw post: deterministic id, analysis, personal data masked in what is kept, its
 * time checked, and the watches it matched (with the rule that matched), whose taxonomy then
 * names its categories.
 */
@Injectable()
export class EnrichMentionUseCase {
  constructor(
    private readonly watches: WatchesRegistry,
    private readonly clock: Clock,
    @Inject(EVENT_TIME_POLICY) private readonly timePolicy: EventTimePolicy,
    private readonly models: ModelFollower,
  ) {}

  execute(raw: RawMention): EnrichedMention {
    // The id is derived here again rather than trusted: a pushed or replayed message
    // with a wrong id must still land on the one document for that post.
    const id = mentionId(raw.sourceId, raw.externalId);
    const rt = this.watches.current();
    let matched: WatchMatch[] | undefined;
    const matcher = rt.matcher;
    const { analysis, maskedText, maskedTitle } = rt.analyzer.analyze(
      { text: raw.text, title: raw.title, rating: raw.rating, langHint: raw.langHint },
      matcher && {
        taxonomyFor: (view) => {
          matched = matcher.match({ ...view, sourceId: raw.sourceId, channel: raw.channel, author: raw.author, meta: raw.meta });
          return rt.taxonomyFor(matched);
        },
      },
    );
    // Read after the analysis: a swap happens between posts, never inside one.
    const modelVersion = this.models.modelVersion;
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
        // Scored by published models: re-scoring after this version passes it by.
        ...(modelVersion > 0 ? { modelVersion } : {}),
        // What the collector masked before mentions.raw, plus anything found here (a replayed file).
        entities: raw.piiKinds?.length ? { ...analysis.entities, piiKinds: [...new Set([...analysis.entities.piiKinds, ...raw.piiKinds])] } : analysis.entities,
      },
      processedAt: now.toISOString(),
      // Absent: no watch is configured (detection counts it for the implicit watch). Empty: it matched none.
      ...(matched !== undefined ? { watches: matched } : {}),
    };
  }
}
