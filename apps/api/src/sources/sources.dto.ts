import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CoverageGap, SourceHealth } from '@vigil/contracts';

const Instant = z.iso.datetime({ offset: true });

export const GapsQuery = z
  .object({ from: Instant.describe('e.g. 2026-11-23T08:00:00Z'), to: Instant.describe('e.g. 2026-11-23T20:00:00Z') })
  .refine((q) => Date.parse(q.from) <= Date.parse(q.to), { message: 'from must not be after to', path: ['to'] });
export class GapsQueryDto extends createZodDto(GapsQuery) {}

export const SourceList = z.object({ sources: z.array(SourceHealth) });
export class SourceListDto extends createZodDto(SourceList) {}

export const GapList = z.object({ gaps: z.array(CoverageGap.extend({ sourceId: z.string() })) });
export class GapListDto extends createZodDto(GapList) {}
