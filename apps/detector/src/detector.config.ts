import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const DetectorConfig = BaseConfig.extend({
  DETECTOR_GROUP: z.string().default('vigil-detector'),
  /**
   * How often event time is advanced to the wall clock when no posts arrive, so
   * bursts can cool down in a quiet stream. 0 turns it off (replays of history).
   */
  DETECTOR_TICK_MS: z.coerce.number().int().min(0).default(30_000),
  /** Minimum distinct authors for a group complaint (the plan's "possible group complaint"). */
  DETECTOR_GROUP_MIN_AUTHORS: z.coerce.number().int().min(2).optional(),
  /** Event time never passes the wall clock by more than this (the processor clamps posts by the same). */
  EVENT_TIME_MAX_FUTURE_MINUTES: z.coerce.number().min(0).max(24 * 60).default(5),
});
export type DetectorConfig = z.infer<typeof DetectorConfig>;
export const loadDetectorConfig = (env = process.env) => loadConfig(DetectorConfig, env);
