import { Controller, DynamicModule, Get, HttpCode, Inject, Module, Res, type Type } from '@nestjs/common';
import { HEALTH_INDICATORS, type HealthIndicator, type HealthStatus } from './health';

@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_INDICATORS) private readonly indicators: HealthIndicator[]) {}

  /** 200 when every dependency answers, 503 otherwise, with each one's detail. */
  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<{ status: 'ok' | 'degraded'; checks: HealthStatus[] }> {
    const checks = await Promise.all(this.indicators.map((i) => i.health()));
    const ok = checks.every((c) => c.healthy);
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'degraded', checks };
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
