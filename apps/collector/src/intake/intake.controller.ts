import { BadRequestException, Body, Controller, HttpCode, Inject, Param, PayloadTooLargeException, Post, Req, ServiceUnavailableException, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IntakeChannel, IntakeMessage, type IntakeAccepted } from '@vigil/contracts';
import { AcceptIntakeUseCase, NoDataKeyError } from './accept-intake.usecase';
import { INTAKE_AUTH_METADATA, IntakeKeyGuard, type IntakeRequest } from './intake-key.guard';
import { CollectorMetrics } from '../metrics/collector-metrics';

export const INTAKE_MAX_BYTES = Symbol('INTAKE_MAX_BYTES');

const invalid = (issues: { path: PropertyKey[]; message: string }[]) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid request', issues: issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) });

@ApiTags('intake')
@ApiSecurity('intake-key')
@SetMetadata(INTAKE_AUTH_METADATA, true)
@UseGuards(IntakeKeyGuard)
@Controller('api/intake')
export class IntakeController {
  constructor(
    private readonly accept: AcceptIntakeUseCase,
    private readonly metrics: CollectorMetrics,
    @Inject(INTAKE_MAX_BYTES) private readonly maxBytes: number,
  ) {}

  @Post(':channel')
  @HttpCode(202)
  @ApiOperation({ summary: 'Push a complaint from a form, the app, email or the hotline; idempotent on the caller id' })
  async push(@Param('channel') channel: string, @Body() body: unknown, @Req() req: IntakeRequest): Promise<IntakeAccepted> {
    const size = Number(req.headers['content-length'] ?? Buffer.byteLength(JSON.stringify(body ?? '')));
    if (size > this.maxBytes) throw new PayloadTooLargeException(`the body is ${size} bytes; the limit is ${this.maxBytes}`);
    const ch = IntakeChannel.safeParse(channel);
    if (!ch.success) throw invalid([{ path: ['channel'], message: `one of ${IntakeChannel.options.join(', ')}` }]);
    const msg = IntakeMessage.safeParse(body);
    if (!msg.success) throw invalid(msg.error.issues);
    const r = await this.accept.execute(ch.data, msg.data, req.intakeKey!).catch((e: unknown) => {
      if (e instanceof NoDataKeyError) throw new ServiceUnavailableException(e.message);
      throw e;
    });
    this.metrics.intakeAccepted(ch.data, r.duplicate);
    return r;
  }
}
