import { Controller, DynamicModule, Get, HttpCode, Inject, Module, Res, type Type } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { HEALTH_INDICATORS, type HealthIndicator, type HealthStatus } from './health';

const HealthAnswer = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.array(z.object({ name: z.string(), healthy: z.boolean(), detail: z.string().optional() })),
});
class HealthAnswerDto extends createZodDto(HealthAnswer) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[]) {}

  /** 200 when every dependency answers, 503 otherwise, with each one's detail. */
  @Get()
  @HttpCode(200)
  @ApiResponse({ status: 200, description: 'every dependency answers', type: HealthAnswerDto.Output })
  @ApiResponse({ status: 503, description: 'one or more do not', type: HealthAnswerDto.Output })
  async health(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<{ status: 'ok' | 'degraded'; checks: HealthStatus[] }> {
    const checks = await Promise.all(this.indicators.map((i) => withDeadline(i)));
    const ok = checks.every((c) => c.healthy);
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'degraded', checks };
  }
}

/** A check that does not answer in time counts as unhealthy: a hung dependency must not hang /health. */
const CHECK_DEADLINE_MS = 4_000;

async function withDeadline(i: HealthIndicator): Promise<HealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<HealthStatus>((resolve) => {
    timer = setTimeout(() => resolve({ name: i.constructor.name, healthy: false, detail: `no answer within ${CHECK_DEADLINE_MS} ms` }), CHECK_DEADLINE_MS);
  });
  try {
    return await Promise.race([i.health().catch((e: Error) => ({ name: i.constructor.name, healthy: false, detail: e.message })), late]);
  } finally {
    clearTimeout(timer);
  }
}

@Module({})
export class HealthModule {
  /** The indicator classes must be provided by (global) modules the app imports. */
  static register(indicators: Type<HealthIndicator>[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_INDICATORS, useFactory: (...xs: HealthIndicator[]) => xs, inject: indicators }],
    };
  }
}
