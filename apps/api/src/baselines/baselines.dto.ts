import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { BaselineState } from '@vigil/contracts';

export const BaselinesQuery = z.object({
  watch: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
    .describe('only these watches (comma-separated ids)'),
});
export class BaselinesQueryDto extends createZodDto(BaselinesQuery) {}

/** How far the detector's baseline of one watch is: whether rises are judged yet, and if not, why. */
export const WatchBaseline = z.object({
  watchId: z.string(),
  state: BaselineState,
  /** True while the watch's baseline is still learning (no bursts are raised for it). */
  learning: z.boolean(),
  /** Hours of history learnt when the detector last stored the status (`at`), and hours it needs. */
  hoursSeen: z.number().int().nonnegative(),
  hoursNeeded: z.number().int().nonnegative().nullable(),
  /** Event time the watch entered this state, and of the stored status. */
  since: z.string(),
  at: z.string(),
  reason: z.string(),
  /** What the baseline expects this hour (posts), once learnt. */
  expectedPerHour: z.number().nonnegative(),
  /** Categories of the watch with a baseline of their own, and how many of them still learn or have a gap. */
  categories: z.number().int().nonnegative(),
  categoriesNotReady: z.number().int().nonnegative(),
});
export type WatchBaseline = z.infer<typeof WatchBaseline>;

export const BaselinesAnswer = z.object({ watches: z.array(WatchBaseline) });
export type BaselinesAnswer = z.infer<typeof BaselinesAnswer>;
export class BaselinesAnswerDto extends createZodDto(BaselinesAnswer) {}
