import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ZodDto } from 'nestjs-zod';
import type { z } from 'zod';

/**
 * Input checked against its schema; a 400 names every bad field. Given a schema it checks
 * that (`@Param('id', new ZodValidationPipe(TicketId))`); installed app-wide (api.module.ts) it
 * checks every `@Query()`/`@Body()` whose type is a zod DTO, the same class the OpenAPI document
 * describes, so what is validated and what is documented cannot drift apart.
 */
export class ZodValidationPipe<T = unknown> implements PipeTransform<unknown, T> {
  constructor(private readonly schema?: z.ZodType<T>) {}

  transform(value: unknown, metadata?: ArgumentMetadata): T {
    const schema = this.schema ?? (isZodDto(metadata?.metatype) ? (metadata.metatype.schema as z.ZodType<T>) : undefined);
    if (!schema) return value as T;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid request',
      issues: r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
}

const isZodDto = (t: unknown): t is ZodDto => typeof t === 'function' && (t as { isZodDto?: unknown }).isZodDto === true;
