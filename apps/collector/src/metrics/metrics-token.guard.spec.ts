import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { createIntakeKey, parseIntakeKeys } from '../intake/intake-keys';
import { MetricsTokenGuard } from './metrics-token.guard';

const ctx = (authorization?: string) => ({ switchToHttp: () => ({ getRequest: () => ({ headers: { authorization } }) }) }) as unknown as ExecutionContext;

describe('MetricsTokenGuard (issue 20, item 11)', () => {
  const token = createIntakeKey('prometheus');

  it('keeps /metrics off while no token is configured', () => {
    expect(() => new MetricsTokenGuard([]).canActivate(ctx(`Bearer ${token.key}`))).toThrow(ForbiddenException);
  });

  it('admits the configured token only', () => {
    const guard = new MetricsTokenGuard(parseIntakeKeys(token.entry));
    expect(guard.canActivate(ctx(`Bearer ${token.key}`))).toBe(true);
    expect(() => guard.canActivate(ctx())).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(ctx(`Bearer ${token.key}x`))).toThrow(UnauthorizedException);
  });
});
