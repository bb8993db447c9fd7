import { Controller, Get, Header, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authenticated, Public } from '../auth/auth.decorators';
import { ApiResult } from '../openapi/api-result.decorator';
import { createZodDto } from 'nestjs-zod';
import { ProgressView } from '@vigil/contracts';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { NOT_FOUND_PAGE, PROGRESS_CSS, renderProgressPage } from './progress-page';
import { ShowProgressUseCase } from './show-progress.usecase';

class ProgressViewDto extends createZodDto(ProgressView) {}

interface PageResponse {
  status(code: number): PageResponse;
  type(t: string): PageResponse;
  send(body: string): void;
}

/**
 * The complainant's progress page and its JSON, without signing in: the unguessable link is the
 * credential. Rate-limited per client address; never cached, never indexed, no referrer sent on.
 */
@ApiTags('progress')
// Guarded like every controller, and every route here declared public: the link is the credential.
@Authenticated()
@Public()
@UseGuards(ClientThrottlerGuard)
@Controller()
export class ProgressController {
  constructor(private readonly progress: ShowProgressUseCase) {}

  @Get('api/public/progress/:token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  @ApiOperation({ summary: 'A complainant\'s progress (进度查询): reference, status, last public update, promised time; 404 for an unknown or expired link' })
  @ApiParam({ name: 'token', description: 'the token of the link the intake endpoint answered (progressPath)' })
  @ApiResult(ProgressViewDto)
  json(@Param('token') token: string) {
    return this.progress.execute(token);
  }

  @Get('p/assets/progress.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiExcludeEndpoint()
  css() {
    return PROGRESS_CSS;
  }

  @Get('p/:token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @Header('X-Robots-Tag', 'noindex')
  @ApiExcludeEndpoint()
  async page(@Param('token') token: string, @Res() res: PageResponse) {
    try {
      res.status(200).type('html').send(renderProgressPage(await this.progress.execute(token)));
    } catch (e) {
      if (!(e instanceof NotFoundException)) throw e;
      res.status(404).type('html').send(NOT_FOUND_PAGE);
    }
  }
}

