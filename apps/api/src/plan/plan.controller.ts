import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Controller, Get, Inject, InternalServerErrorException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { loadPlanFile, Plan } from '@vigil/plan';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Authenticated, Roles } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';

const PlanAnswer = z.object({ file: z.string().describe('the file name, without its folder'), plan: Plan });
class PlanAnswerDto extends createZodDto(PlanAnswer) {}

@ApiTags('plan')
@Authenticated()
@Controller('api/plan')
export class PlanController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  /** Read on each request: the crisis team edits the file, and the page should show what is on disk. */
  @Get()
  @Roles('analyst')
  @ApiOperation({ summary: 'The contingency plan in force (PLAN_FILE), parsed and validated' })
  @ApiResult(PlanAnswerDto)
  async get() {
    const file = path.resolve(this.config.PLAN_FILE);
    const r = await loadPlanFile(file, (p) => readFile(p, 'utf8'));
    if (!r.ok) throw new InternalServerErrorException({ message: 'the plan file is invalid', file: path.basename(file), errors: r.errors.map((e) => ({ ...e, file: path.basename(e.file) })) });
    return { file: path.basename(file), plan: r.plan };
  }
}
