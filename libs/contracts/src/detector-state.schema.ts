import { z } from 'zod';

/**
 * The detector's working memory outside the clusters (index `detector-state`, one document,
 * id `detector`): a gzip'd JSON snapshot in base64. Its inside is `@vigil/detection`'s
 * `DetectorSnapshot` without clusters, private to the detector.
 */
export const DetectorStateDoc = z.object({
  savedAt: z.iso.datetime({ offset: true }),
  snapshot: z.string().min(1),
});
export type DetectorStateDoc = z.infer<typeof DetectorStateDoc>;
