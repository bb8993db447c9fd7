import { z } from 'zod';

/**
 * The detector's working memory outside the clusters, one document per partition of
 * mentions.by-watch (index `detector-state`, id `partition-<n>`; `detector` is the single-instance
 * document of earlier versions). Its `snapshot` and `outbox` are gzip'd JSON in base64, private to
 * the detector: `@vigil/detection`'s `DetectorSnapshot` without clusters, and the chunk's outputs
 * (clusters, baseline states, signals) written after the snapshot. The document is also the
 * partition's fence: its owner claims it when given the partition, and every save is conditional on
 * the version it last read or wrote, so an instance that lost the partition cannot save over it.
 */
export const DetectorStateDoc = z.object({
  /** Absent while a partition is claimed but not yet saved. */
  savedAt: z.iso.datetime({ offset: true }).optional(),
  snapshot: z.string().min(1).optional(),
  outbox: z.string().min(1).optional(),
  /**
   * The outbox's number, rising with every save of the partition whoever saves it; committed
   * with the signals in the offsets' metadata (`outbox:<n>`), so the next owner knows whether this
   * outbox's signals went out. Also the cluster documents' external version: a late write of an
   * older save never lands over a newer one.
   */
  outboxSeq: z.number().int().nonnegative().optional(),
  /** Before outboxSeq (earlier versions): the outbox's signals were sent. */
  outboxSent: z.boolean().optional(),
  /** The instance that holds the partition, and since when. */
  owner: z.string().optional(),
  claimedAt: z.iso.datetime({ offset: true }).optional(),
});
export type DetectorStateDoc = z.infer<typeof DetectorStateDoc>;
