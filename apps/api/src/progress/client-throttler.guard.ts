import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** One budget per client address across the progress routes (the stock guard counts each route apart). */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, suffix: string, name: string): string {
    return `${name}:${suffix}`;
  }
}
