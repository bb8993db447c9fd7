import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const VolumeQuery = z.object({
  hours: z.coerce.number().int().min(1).max(24).default(1).describe('window length, 1–24 (default 1)'),
  days: z.coerce.number().int().min(1).max(28).default(7).describe('past days to compare with, 1–28 (default 7)'),
  watch: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
    .describe('only these watches (comma-separated ids; _none: mentions of no watch)'),
});
export class VolumeQueryDto extends createZodDto(VolumeQuery) {}

export const VolumeWindow = z.object({ from: z.string(), to: z.string(), total: z.number().int().nonnegative(), negative: z.number().int().nonnegative() });
export type VolumeWindow = z.infer<typeof VolumeWindow>;

export const VolumeAnswer = z.object({
  current: VolumeWindow,
  /** The same clock window on each past day, yesterday first. */
  past: z.array(VolumeWindow),
  /** Median of the past windows: one odd day (a past storm, a gap) does not move it. */
  baseline: z.number(),
  /** current / baseline; null while there is no history to compare with. */
  ratio: z.number().nullable(),
});
export type VolumeAnswer = z.infer<typeof VolumeAnswer>;
export class VolumeAnswerDto extends createZodDto(VolumeAnswer) {}
