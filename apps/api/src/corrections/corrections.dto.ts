import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CorrectionRequest, ModelUpdateRun, StoredCorrection } from '@vigil/contracts';

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
