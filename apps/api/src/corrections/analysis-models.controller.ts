import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnalysisModelsReader, ModelUpdatesReader } from '@vigil/search';
import { Authenticated, Roles } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { ModelPageDto, ModelStatusDto } from './corrections.dto';
import { DescribeModelsUseCase } from './describe-models.usecase';

@ApiTags('analysis')
@Authenticated()
@Roles('analyst')
@Controller('api/analysis')
export class AnalysisModelsController {
  constructor(
    private readonly models: AnalysisModelsReader,
    private readonly runs: ModelUpdatesReader,
    private readonly describe: DescribeModelsUseCase,
  ) {}

  @Get('models')
  @ApiOperation({ summary: `The sentiment models in force (null: the shipped ones) and the model-update job's latest runs with their held-out checks` })
  @ApiResult(ModelStatusDto)
  async status() {
    const [current, runs] = await Promise.all([this.models.version(), this.runs.list(20)]);
    return { current: current ?? null, runs };
  }

  @Get('status')
  @ApiOperation({ summary: 'The model-status page: each component (sentiment, emotion, category, cues) with its source, version and training sizes, the held-out checks of the update in force, corrections pending and re-scoring progress' })
  @ApiResult(ModelPageDto)
  page() {
    return this.describe.execute();
  }
}
