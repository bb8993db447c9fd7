import { z } from 'zod';
import { RawMention } from './raw-mention.schema';
import { Analysis } from './analysis.schema';
import { WatchMatch } from './watch-match.schema';
import { MentionCorrection } from './correction.schema';
import { EventTimeNote } from './event-time.schema';

/** The scored post. Key on `mentions.enriched`: the mention id. Text is PII-masked. */
export const EnrichedMention = RawMention.extend({
  analysis: Analysis,
  processedAt: z.iso.datetime({ offset: true }),
  /** The watches this mention matched (see watch-match.schema.ts: absent and empty differ). */
  watches: z.array(WatchMatch).max(64).optional(),
  /** An analyst's correction: `analysis` then shows the analyst's values, the model's are in `correction.original`. */
  correction: MentionCorrection.optional(),
  /** Set when `publishedAt` was clamped (future) or the post is too old to alarm; absent otherwise. */
  eventTime: EventTimeNote.optional(),
});
export type EnrichedMention = z.infer<typeof EnrichedMention>;

/**
 * What the indexer reads of a `mentions.enriched` message: the fields that place the document.
 * It writes the rest on as the processor encoded it, without validating it a second time: the
 * processor, the only writer of the topic, builds each message as an EnrichedMention from a
 * validated RawMention, and its output is a fixed point of this schema (enrich-mention.usecase.spec.ts),
 * so the whole-schema parse would hand back the same document at ~20 µs of CPU per post.
 */
export const EnrichedMentionHead = EnrichedMention.pick({ id: true, publishedAt: true });
export type EnrichedMentionHead = z.infer<typeof EnrichedMentionHead>;
