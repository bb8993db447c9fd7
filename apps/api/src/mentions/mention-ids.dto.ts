import { z } from 'zod';

/** Most posts one request may ask for: a cluster's samples or a page of a ticket's evidence. */
export const MENTION_IDS_MAX = 50;

/** A mention id as `mentionId()` makes it: 32 lowercase hex characters. */
const MentionIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'a mention id (32 hex characters)');

/** `?ids=a,b,c` (or repeated `ids`), deduplicated, order kept. */
export const MentionIdsQuery = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(MentionIdParam).min(1, 'at least one id').max(MENTION_IDS_MAX, `at most ${MENTION_IDS_MAX} ids`)),
});
export type MentionIdsQuery = z.infer<typeof MentionIdsQuery>;
