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
