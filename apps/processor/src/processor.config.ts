import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';
import { DEFAULT_RESCORE_DAYS } from '@vigil/contracts';

export const ProcessorConfig = BaseConfig.extend({
  /** Brand and product terms (one per line) added to segmentation and the product catalogue. */
  ANALYSIS_USER_DICT: z.string().optional(),
  /** Directory of this deployment's own sentiment models (`vigil train` writes them); absent = the shipped models. */
  ANALYSIS_MODEL_DIR: z.string().optional(),
  PROCESSOR_GROUP: z.string().default('vigil-processor'),
  /** How often a processor looks for sentiment models published by the model-update job. */
  ANALYSIS_MODEL_POLL_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often the model-update job folds analysts' corrections into the models (0 = never; default 6 h). */
  ANALYSIS_TRAIN_EVERY_MS: z.coerce.number().int().min(0).default(6 * 3_600_000),
  /** New corrections a run needs before it trains. */
  ANALYSIS_TRAIN_MIN_CORRECTIONS: z.coerce.number().int().min(1).default(20),
  /** The labelled reference data an update is checked against (../shared/data layout); defaults to VIGIL_DATA_DIR. */
  ANALYSIS_REFERENCE_DIR: z.string().optional(),
  VIGIL_DATA_DIR: z.string().optional(),
  /** Days before a model update whose stored posts are scored again with it (0 = none; the api reads the same for its progress). */
  ANALYSIS_RESCORE_DAYS: z.coerce.number().int().min(0).max(3_660).default(DEFAULT_RESCORE_DAYS),
  /** How often a re-scoring pass looks for posts the models in force have not scored yet (0 = never). */
  ANALYSIS_RESCORE_EVERY_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often the processor asks Elasticsearch whether a watch changed (ms). */
  WATCHES_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** A watch file (YAML/JSON) to use instead of the watches stored in Elasticsearch (replays, offline runs). */
  WATCHES_FILE: z.string().optional(),
  /** A post dated more than this after it was collected is clamped to its collection time (and says so). */
  EVENT_TIME_MAX_FUTURE_MINUTES: z.coerce.number().min(0).max(24 * 60).default(5),
  /** A post published more than this before it was collected is old: searchable, never alarms. */
  EVENT_TIME_OLD_AFTER_HOURS: z.coerce.number().positive().max(24 * 365 * 10).default(72),
});
export type ProcessorConfig = z.infer<typeof ProcessorConfig>;
export const loadProcessorConfig = (env = process.env) => loadConfig(ProcessorConfig, env);
