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
    // Built step by step rather than with conditional spreads (`...(x ? { k } : {})`), which V8
    // copies through its slow generic path: the same keys in the same order, so the same JSON.
    const out = { ...raw, id, publishedAt: time.publishedAt } as EnrichedMention;
    if (time.note) out.eventTime = time.note;
    out.text = maskedText;
    out.title = raw.title === undefined ? undefined : maskedTitle;
    const scored = { ...analysis, truncated: analysis.truncated || raw.truncated } as EnrichedMention['analysis'];
    // Scored by published models: re-scoring after this version passes it by.
    if (modelVersion > 0) scored.modelVersion = modelVersion;
    // What the collector masked before mentions.raw, plus anything found here (a replayed file).
    scored.entities = raw.piiKinds?.length ? { ...analysis.entities, piiKinds: [...new Set([...analysis.entities.piiKinds, ...raw.piiKinds])] } : analysis.entities;
    out.analysis = scored;
    out.processedAt = now.toISOString();
    // Absent: no watch is configured (detection counts it for the implicit watch). Empty: it matched none.
    if (matched !== undefined) out.watches = matched;
    return out;
  }
}
