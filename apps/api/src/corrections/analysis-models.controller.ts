import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalysisModelsReader, ModelUpdatesReader } from '@vigil/search';
import { Authenticated, Roles } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ModelStatusDto } from './corrections.dto';

@ApiTags('analysis')
@Authenticated()
@Roles('analyst')
@Controller('api/analysis')
export class AnalysisModelsController {
  constructor(
    private readonly models: AnalysisModelsReader,
    private readonly runs: ModelUpdatesReader,
  ) {}

  @Get('models')
  @ApiOperation({ summary: `The sentiment models in force (null: the shipped ones) and the model-update job's latest runs with their held-out checks` })
  @ApiResult(ModelStatusDto)
  async status() {
    const [current, runs] = await Promise.all([this.models.version(), this.runs.list(20)]);
    return { current: current ?? null, runs };
  }
}
