import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CorrectionRequest, ModelUpdateRun, SentimentUpdateForm, StoredCorrection, TriedForm } from '@vigil/contracts';

export const MentionIdParam = z.string().regex(/^[0-9a-f]{32}$/, 'a mention id (32 hex characters)');

export class CorrectionRequestDto extends createZodDto(CorrectionRequest) {}

/** 202: sent to the indexer, which records it and changes the post within a second or so. */
export const CorrectionAccepted = z.object({ correction: StoredCorrection });
export class CorrectionAcceptedDto extends createZodDto(CorrectionAccepted) {}

/** A post's corrections, newest first. */
export const CorrectionList = z.object({ corrections: z.array(StoredCorrection) });
export class CorrectionListDto extends createZodDto(CorrectionList) {}

/** The deployment's model in force (null = the shipped models) and the latest runs of the model-update job. */
export const ModelStatus = z.object({
  current: z.object({
    modelVersion: z.number(), publishedAt: z.string(), lastCorrectionAt: z.string().optional(), corrections: z.number(),
  }).nullable(),
  runs: z.array(ModelUpdateRun),
});
export class ModelStatusDto extends createZodDto(ModelStatus) {}

const Share = z.object({ n: z.number(), before: z.number(), after: z.number() });

/**
 * One component's checks in an update: sentiment per language, emotion, categories (runs stored
 * before emotion and categories were learnt have a language and no component). For sentiment
 * `check` is the out-of-fold accuracy on the corrections (each judged by a model trained without
 * it), `form` the form kept and `tried` every form's figures. `reasonCode` is
 * worded by the dashboard in each language; `reason` is the same in English (older runs: only it).
 */
export const HeldOutReport = z.object({
  component: z.enum(['sentiment', 'emotion', 'categories']).default('sentiment'),
  language: z.string().optional(),
  accepted: z.boolean(),
  reasonCode: z.enum(['no-held-out', 'too-few-kept-aside', 'worse-held-out', 'worse-kept-aside', 'not-worse']).optional(),
  reason: z.string(),
  corrections: z.number().optional(),
  heldOut: Share,
  check: Share.optional(),
  /** Sentiment: the form of the update this report is about (the one kept, or the first refused); absent on runs stored before the forms. */
  form: SentimentUpdateForm.optional(),
  /** Sentiment: every form fitted, with its held-out and out-of-fold accuracy (absent when only one was fitted). */
  tried: z.array(TriedForm).optional(),
});

/** One analysis component on the model-status page. */
export const ComponentStatus = z.object({
  component: z.enum(['sentiment', 'emotion', 'category', 'cues']),
  /** published: a deployment update in force; shipped: the learned models in the repository; rules: hand-written rules and lexicons. */
  source: z.enum(['published', 'shipped', 'rules']),
  /** The published version in force (0: none, the shipped models or the rules). */
  modelVersion: z.number().int().nonnegative(),
  publishedAt: z.string().optional(),
  /** Whether model updates learn from this component's corrections (sentiment, emotion and categories; not cues yet). */
  learnsFromCorrections: z.boolean(),
  /** What it learnt from, per language: the shipped training split, and the corrections of an update. */
  trainedOn: z.array(z.object({ language: z.string(), note: z.string(), rows: z.number().optional(), corrections: z.number().optional() })),
  /** Corrections of this component no update has learnt from yet (applied to their posts all the same). */
  pendingCorrections: z.number().int().nonnegative(),
});

/** The model-status page: components, the held-out checks of the update in force, pending corrections and re-scoring progress. */
export const ModelPage = z.object({
  components: z.array(ComponentStatus),
  /** Held-out accuracy before/after, per language, of the update in force (or the latest run when none was published). */
  heldOut: z.array(HeldOutReport),
  heldOutFrom: z.enum(['published', 'latest run', 'none']),
  lastRun: ModelUpdateRun.nullable(),
  /** The newest correction the update in force learnt from. */
  lastCorrectionAt: z.string().optional(),
  pendingCorrections: z.number().int().nonnegative(),
  /** Posts of the window the models in force have scored (null: no update published, or re-scoring off). */
  rescoring: z.object({ modelVersion: z.number(), windowDays: z.number(), since: z.string(), total: z.number(), done: z.number() }).nullable(),
});
export type ModelPage = z.infer<typeof ModelPage>;
export class ModelPageDto extends createZodDto(ModelPage) {}
