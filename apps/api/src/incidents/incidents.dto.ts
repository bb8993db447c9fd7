import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { IncidentView } from '@vigil/contracts';

export const IncidentQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh').describe('language of the summary (the posts’ own when none are in it)') });
export class IncidentQueryDto extends createZodDto(IncidentQuery) {}
export class IncidentViewDto extends createZodDto(IncidentView) {}
export const ClusterIdParam = z.string().min(1).max(128).regex(/^[\w:.-]+$/, 'a cluster id');
