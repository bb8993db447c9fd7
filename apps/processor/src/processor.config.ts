import { z } from 'zod';
import { BaseConfig, loadConfig } from '@vigil/common';

export const ProcessorConfig = BaseConfig.extend({
  /** Brand and product terms (one per line) added to segmentation and the product catalogue. */
  ANALYSIS_USER_DICT: z.string().optional(),
  /** Directory of this deployment's own sentiment models (`vigil train` writes them); absent = the shipped models. */
  ANALYSIS_MODEL_DIR: z.string().optional(),
  PROCESSOR_GROUP: z.string().default('vigil-processor'),
});
export type ProcessorConfig = z.infer<typeof ProcessorConfig>;
export const loadProcessorConfig = (env = process.env) => loadConfig(ProcessorConfig, env);
