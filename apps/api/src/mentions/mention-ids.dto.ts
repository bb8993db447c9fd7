import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { EnrichedMention } from '@vigil/contracts';

/** Most posts one request may ask for: a cluster's samples or a page of a ticket's evidence. */
export const MENTION_IDS_MAX = 50;

/** A mention id as `mentionId()` makes it: 32 lowercase hex characters. */
const MentionIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'a mention id (32 hex characters)');

/** `?ids=a,b,c` (or repeated `ids`), deduplicated, order kept. */
export const MentionIdsQuery = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(MentionIdParam).min(1, 'at least one id').max(MENTION_IDS_MAX, `at most ${MENTION_IDS_MAX} ids`))
    .describe(`comma-separated mention ids (32 hex characters), at most ${MENTION_IDS_MAX}`),
});
export type MentionIdsQuery = z.infer<typeof MentionIdsQuery>;
export class MentionIdsQueryDto extends createZodDto(MentionIdsQuery) {}

/** In the order asked for; ids not (or not yet) indexed are listed in `missing`. */
export const MentionsByIds = z.object({ mentions: z.array(EnrichedMention), missing: z.array(z.string()) });
export type MentionsByIds = z.infer<typeof MentionsByIds>;
export class MentionsByIdsDto extends createZodDto(MentionsByIds) {}
