export interface ModelOptions {
  /** ANALYSIS_MODEL_DIR: `vigil train`'s file, the base the job updates. */
  modelDir?: string;
  /** How often a processor looks for newly published models (0 = only at start). */
  pollMs: number;
  /** How often the model-update job runs (0 = never). */
  trainEveryMs: number;
  /** New corrections a run needs before it trains. */
  minCorrections: number;
  /** The labelled reference data (held-out sets and replayed rows; ../shared/data layout). */
  referenceDir?: string;
  /** Days before an update's publication whose stored posts are scored again (0 = none). */
  rescoreDays: number;
  /** How often a re-scoring pass looks for posts the models in force have not scored (0 = never). */
  rescoreEveryMs: number;
  /** Posts per page of a re-scoring pass. */
  rescorePage: number;
  /** Names this instance in the run documents. */
  instance: string;
}
export const MODEL_OPTIONS = Symbol('MODEL_OPTIONS');
