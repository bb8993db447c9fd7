import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClustersReader } from '@vigil/search';
import { Authenticated } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { ClusterDetailDto, ClusterId, ClusterListDto, ClusterListQueryDto } from './clusters.dto';

@ApiTags('clusters')
@Authenticated()
@Controller('api/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersReader) {}

  @Get()
  @ApiOperation({ summary: 'Complaint clusters, most recently active first (empty until the detector has found one)' })
  @ApiResult(ClusterListDto)
  list(@Query() q: ClusterListQueryDto) {
    return this.clusters.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One cluster with its severity (when the detector has scored it) and the event times of its most recent posts' })
  @ApiResult(ClusterDetailDto)
  async get(@Param('id', new ZodValidationPipe(ClusterId)) id: string) {
    const c = await this.clusters.get(id);
    if (!c) throw new NotFoundException(`no cluster ${id}`);
    return c;
  }
}
