import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Authenticated } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ClustersReader } from '@vigil/search';

const ClusterListQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []))
    .pipe(z.array(z.enum(['active', 'merged', 'evicted'])).max(3)),
  size: z.coerce.number().int().min(1).max(500).default(150),
});
const ClusterId = z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/, 'a cluster id');

@ApiTags('clusters')
@Authenticated()
@Controller('api/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersReader) {}

  @Get()
  @ApiOperation({ summary: 'Complaint clusters, most recently active first (empty until the detector has found one)' })
  @ApiQuery({ name: 'status', required: false, description: 'active, merged, evicted (comma-separated)' })
  @ApiQuery({ name: 'size', required: false })
  list(@Query(new ZodValidationPipe(ClusterListQuery)) q: z.infer<typeof ClusterListQuery>) {
    return this.clusters.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cluster with its severity (when the detector has scored it) and the event times of its most recent posts' })
  async get(@Param('id', new ZodValidationPipe(ClusterId)) id: string) {
    const c = await this.clusters.get(id);
    if (!c) throw new NotFoundException(`no cluster ${id}`);
    return c;
  }
}
