import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ClusterDoc } from '@vigil/contracts';

export const ClusterListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []))
    .pipe(z.array(ClusterDoc.shape.status).max(4))
    .describe('active, closed, merged, evicted (comma-separated)'),
  size: z.coerce.number().int().min(1).max(500).default(150),
});
export class ClusterListQueryDto extends createZodDto(ClusterListQuery) {}

export const ClusterId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'a cluster id');

/** The detector's internal carry-over state is not for people; lists and details leave it out (contracts' ClusterView). */
const ClusterView = ClusterDoc.omit({ state: true });

const ClusterList = z.object({ total: z.number().int().nonnegative(), clusters: z.array(ClusterView) });
export class ClusterListDto extends createZodDto(ClusterList) {}

/** One cluster, plus the event times (ms) of its most recent posts for the growth chart. */
const ClusterDetail = ClusterView.extend({ recentTimes: z.array(z.number()) });
export class ClusterDetailDto extends createZodDto(ClusterDetail) {}
