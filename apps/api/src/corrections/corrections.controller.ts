import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CorrectionsReader } from '@vigil/search';
import { Authenticated, CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/roles';
import { ApiResult } from '../openapi/api-result.decorator';
import { ZodValidationPipe } from '../zod-validation.pipe';
import { CorrectionAcceptedDto, CorrectionListDto, CorrectionRequestDto, MentionIdParam } from './corrections.dto';
import { RequestCorrectionUseCase } from './request-correction.usecase';

@ApiTags('mentions')
@Authenticated()
@Roles('analyst')
@Controller('api/mentions')
export class CorrectionsController {
  constructor(
    private readonly corrections: CorrectionsReader,
    private readonly requestCorrection: RequestCorrectionUseCase,
  ) {}

  @Post(':id/corrections')
  @HttpCode(202)
  @ApiOperation({ summary: `Correct any of a post's sentiment, categories, emotion level and risk cue kinds (analyst; the risk score is scored again from them). 202 with the correction: the post shows it within a second or so, in search and aggregations, with the model's answer kept beside it; it is audited, and its sentiment folds into the next model update` })
  @ApiParam({ name: 'id', description: 'mention id (32 hex characters)' })
  @ApiResult(CorrectionAcceptedDto, { status: 202 })
  async correct(@Param('id', new ZodValidationPipe(MentionIdParam)) id: string, @Body() body: CorrectionRequestDto, @CurrentPrincipal() p: Principal) {
    return { correction: await this.requestCorrection.execute(id, body, p) };
  }

  @Get(':id/corrections')
  @ApiOperation({ summary: `A post's corrections, newest first: who, when, the values before and after` })
  @ApiParam({ name: 'id', description: 'mention id (32 hex characters)' })
  @ApiResult(CorrectionListDto)
  async list(@Param('id', new ZodValidationPipe(MentionIdParam)) id: string) {
    return { corrections: await this.corrections.forMention(id) };
  }
}
