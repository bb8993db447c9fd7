import { Body, Controller, Get, HttpCode, Put, Query, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PlanReader, PlanVersionsReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { PlanAnswerDto, PlanChangedDto, PlanEditAnswerDto, PlanEditBodyDto, PlanInvalidDto, PlanVersionListDto, PlanVersionsQueryDto, planView, versionView } from './plan.dto';
import { NO_PLAN_YET, RequestPlanEditUseCase } from './request-plan-edit.usecase';

@ApiTags('plan')
@Authenticated()
@Controller('api/plan')
export class PlanController {
  constructor(
    private readonly plans: PlanReader,
    private readonly versions: PlanVersionsReader,
    private readonly requestEdit: RequestPlanEditUseCase,
  ) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({ summary: 'The contingency plan the responder runs, as it published it: version, hash, YAML and parsed plan, where it came from, when it was taken into force, and the last edit it refused (with its errors); 503 before a responder has published one' })
  @ApiResult(PlanAnswerDto)
  async get() {
    const doc = await this.plans.get();
    if (!doc) throw new ServiceUnavailableException(NO_PLAN_YET);
    return planView(doc);
  }

  @Put()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Edit the plan: validated here like `vigil plan validate` (400 with every error by line and field, nothing sent; 409 when the plan changed since the edit began), then sent to the responder, which decides; the outcome shows in GET /api/plan (source.requestId, or lastRefused)' })
  @ApiResult(PlanEditAnswerDto, { status: 202 })
  @ApiResponse({ status: 400, description: 'the plan is invalid; nothing was sent', type: PlanInvalidDto.Output })
  @ApiResponse({ status: 409, description: 'the plan changed since the edit began', type: PlanChangedDto.Output })
  edit(@Body() body: PlanEditBodyDto, @CurrentPrincipal() p: Principal) {
    return this.requestEdit.execute(body, p);
  }

  @Get('versions')
  @Roles('analyst')
  @ApiOperation({ summary: 'The plan’s audit trail, newest first: each version taken into force and each refused edit, with who, when and from where (texts left out)' })
  @ApiResult(PlanVersionListDto)
  async list(@Query() q: PlanVersionsQueryDto) {
    return { versions: (await this.versions.list({ size: q.size })).map(versionView) };
  }
}
