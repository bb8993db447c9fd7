import { z } from 'zod';
import { RawMention } from './raw-mention.schema';
import { Analysis } from './analysis.schema';

/** The scored post. Key on `mentions.enriched`: the mention id. Text is PII-masked. */
export const EnrichedMention = RawMention.extend({
  analysis: Analysis,
  processedAt: z.iso.datetime({ offset: true }),
});
export type EnrichedMention = z.infer<typeof EnrichedMention>;
