import { z } from 'zod';

/** A poison message set aside with what was wrong and where it came from. */
export const DeadLetter = z.object({
  sourceTopic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  key: z.string().nullable(),
  /** The original value as text (base64 when it was not valid UTF-8), capped. */
  value: z.string(),
  valueEncoding: z.enum(['utf8', 'base64']),
  error: z.string(),
  consumerGroup: z.string(),
  failedAt: z.iso.datetime({ offset: true }),
});
export type DeadLetter = z.infer<typeof DeadLetter>;
