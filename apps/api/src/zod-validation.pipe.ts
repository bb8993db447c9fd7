import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Input checked against its schema; a 400 names every bad field. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: z.ZodType<T>) {}

  transform(value: unknown): T {
    const r = this.schema.safeParse(value);
    if (r.success) return r.data;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid request',
      issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
}
